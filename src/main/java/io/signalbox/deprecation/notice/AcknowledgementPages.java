package io.signalbox.deprecation.notice;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.deprecation.notice.NoticeViews.NoticeView;
import io.signalbox.identity.Caller;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Where the acknowledgement links of notice emails lead ({@code /deprecations/acknowledge}), open without signing in:
 * the signed link ({@link AcknowledgementLinks}) is the proof that its holder received the email. Opening the link
 * shows the notice and one button; only the button (a POST) records the acknowledgement, so mail scanners that follow
 * links record nothing. A link whose signature does not match is refused (403) without saying which part was wrong.
 */
@Path("/deprecations/acknowledge")
@Produces(MediaType.TEXT_HTML)
public class AcknowledgementPages {

    @Inject
    AcknowledgementLinks links;

    @Inject
    NoticeService notices;

    @Inject
    NoticeQueries queries;

    @Inject
    FormTokens formTokens;

    @Inject
    Caller caller;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance acknowledge(
                NoticeView notice, String recipient, long r, String s, String sig, boolean done, String doneStep);
    }

    @GET
    public TemplateInstance page(@QueryParam("r") String r, @QueryParam("s") String s, @QueryParam("sig") String sig) {
        long recipient = recipientOf(r);
        NoticeQueries.LinkTarget target = verified(recipient, s, sig);
        boolean done = "migrated".equals(s) ? target.migrated() : target.acknowledged();
        return Templates.acknowledge(target.notice(), target.displayName(), recipient, s, sig, done, s);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(
            @FormParam("r") String r,
            @FormParam("s") String s,
            @FormParam("sig") String sig,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        long recipient = recipientOf(r);
        verified(recipient, s, sig);
        notices.acknowledge(recipient, s, caller.signedIn() ? caller.name() : "email link", "link");
        return Response.seeOther(URI.create("/deprecations/acknowledge?r=" + r + "&s=" + s + "&sig=" + sig))
                .build();
    }

    /** The link's recipient id; a link whose {@code r} is not one is as invalid as a forged one. */
    private static long recipientOf(String r) {
        try {
            return Long.parseLong(r == null ? "" : r.strip());
        } catch (NumberFormatException e) {
            throw invalidLink();
        }
    }

    private static Refusal invalidLink() {
        return Refusal.forbidden("This acknowledgement link is not valid: open the link exactly as the email gives "
                + "it, or acknowledge from your inbox in Signalbox.");
    }

    private NoticeQueries.LinkTarget verified(long r, String s, String sig) {
        if (s == null || !("acknowledged".equals(s) || "migrated".equals(s)) || !links.valid(r, s, sig)) {
            throw invalidLink();
        }
        return queries.linkTarget(r).orElseThrow(() -> Refusal.notFound("This notice no longer exists."));
    }
}
