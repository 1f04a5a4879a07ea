package io.signalbox.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Who owns a domain, and for admins the form that grants or revokes ownership in the portal. Every signed-in person
 * may see the list: knowing whom to ask about a domain is part of finding data. Writes follow Post/Redirect/Get.
 */
@Path("/domains/{key}/owners")
@Produces(MediaType.TEXT_HTML)
public class OwnershipPages {

    @Inject
    DomainOwnership ownership;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @Inject
    DomainDirectory domains;

    /** What the page says after a change; only said when the list confirms it. */
    public record Outcome(String message, boolean error) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance owners(
                String domainKey,
                String domainName,
                List<DomainOwnership.Grant> grants,
                long grantCount,
                String more,
                boolean mayManage,
                Outcome outcome,
                String username,
                List<FieldProblem> problems);
    }

    /**
     * The page lists the grants {@value DomainOwnership#DEFAULT_PAGE_SIZE} at a time by username, with the count and a
     * link to the next ones ({@code ?after=} cursor), so a domain with many owners is still a small page (issue 12).
     */
    @GET
    public TemplateInstance page(
            @PathParam("key") String key,
            @QueryParam("granted") String granted,
            @QueryParam("revoked") String revoked,
            @QueryParam("after") String after) {
        String domainName = domains.nameOf(key);
        Outcome outcome = null;
        if (granted != null && ownership.holds(key, granted)) {
            outcome = new Outcome(granted + " now owns " + domainName + ".", false);
        } else if (revoked != null && !ownership.holds(key, revoked)) {
            outcome = new Outcome(revoked + " no longer owns " + domainName + " through Signalbox.", false);
        }
        return page(key, domainName, after, caller.isAdmin(), outcome, "", List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(
            @PathParam("key") String key,
            @FormParam("username") String username,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        caller.refuseUnlessAdmin("grant domain ownership");
        String domainName = domains.nameOf(key);
        String person = username == null ? "" : username.strip();
        try {
            ownership.grant(key, person, caller.name());
        } catch (Refusal.Invalid refused) {
            // Show the form again with the person's input and what to change, not a bare error page.
            return Response.status(422)
                    .entity(page(
                            key,
                            domainName,
                            null,
                            true,
                            new Outcome("The grant was not made.", true),
                            person,
                            refused.problems()))
                    .build();
        }
        return seeOther(key, "granted", person);
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(
            @PathParam("key") String key,
            @FormParam("username") String username,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        caller.refuseUnlessAdmin("revoke domain ownership");
        domains.nameOf(key);
        String person = username == null ? "" : username.strip();
        ownership.revoke(key, person, caller.name());
        return seeOther(key, "revoked", person);
    }

    private static Response seeOther(String key, String parameter, String person) {
        return Response.seeOther(URI.create("/domains/" + key + "/owners?" + parameter + "="
                        + URLEncoder.encode(person, StandardCharsets.UTF_8)))
                .build();
    }

    private TemplateInstance page(
            String key,
            String domainName,
            String after,
            boolean mayManage,
            Outcome outcome,
            String username,
            List<FieldProblem> problems) {
        PageRequest request =
                Paging.request(after, null, DomainOwnership.DEFAULT_PAGE_SIZE, DomainOwnership.MAX_PAGE_SIZE, 1);
        Page<DomainOwnership.Grant> grants = Paging.page(
                ownership.grantsOf(key, request),
                request,
                DomainOwnership::sortKey,
                "/domains/" + key + "/owners",
                Map.of());
        return Templates.owners(
                key,
                domainName,
                grants.items(),
                ownership.grantCount(key),
                grants.next(),
                mayManage,
                outcome,
                username,
                problems);
    }
}
