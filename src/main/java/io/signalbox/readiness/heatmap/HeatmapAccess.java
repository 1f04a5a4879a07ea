package io.signalbox.readiness.heatmap;

import io.signalbox.identity.Caller;
import io.signalbox.web.Refusal;

/** Who may export the heatmap: the council and domain owners (of any domain); other readers only look at it. */
final class HeatmapAccess {

    private HeatmapAccess() {}

    static boolean mayExport(Caller caller) {
        return caller.isCouncil() || !caller.ownedDomains().isEmpty();
    }

    /** @throws Refusal.Forbidden (403) for a signed-in person who is neither */
    static void refuseUnlessMayExport(Caller caller) {
        if (!mayExport(caller)) {
            throw Refusal.forbidden("Only members of the governance council and domain owners may export the readiness"
                    + " heatmap; the page and its JSON are open to everyone signed in.");
        }
    }
}
