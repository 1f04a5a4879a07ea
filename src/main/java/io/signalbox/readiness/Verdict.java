package io.signalbox.readiness;

import java.util.Map;
import java.util.Set;

/**
 * The verdict of a readiness assessment, by the article's Step 3 rule: a domain is ready to pilot when it is green or
 * amber on all six criteria; one red or more means it needs a capability-building plan first. A red the council
 * waived (with a reason and an expiry date, still in force) counts as amber. "Stays on central tooling" is not a
 * verdict but a council decision (an onboarding decision).
 */
public enum Verdict {
    READY_TO_PILOT("ready-to-pilot", "Ready to pilot"),
    NEEDS_CAPABILITY_BUILDING("needs-capability-building", "Needs capability building");

    private final String key;
    private final String label;

    Verdict(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * The verdict for a complete set of scores.
     *
     * @param scores one score per criterion (all six; a missing criterion counts as red, never as ready)
     * @param waivedReds criteria whose red is waived by the council and not yet expired
     */
    public static Verdict of(Map<Criterion, Score> scores, Set<Criterion> waivedReds) {
        for (Criterion criterion : Criterion.values()) {
            Score score = scores.get(criterion);
            if ((score == null || score == Score.RED) && !(score == Score.RED && waivedReds.contains(criterion))) {
                return NEEDS_CAPABILITY_BUILDING;
            }
        }
        return READY_TO_PILOT;
    }

    /** The verdict with this key ({@code ready-to-pilot} or {@code needs-capability-building}). */
    public static Verdict ofKey(String key) {
        for (Verdict verdict : values()) {
            if (verdict.key.equals(key)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("no verdict " + key);
    }
}
