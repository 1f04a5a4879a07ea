package io.signalbox.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.identity.AuditLog.Filter;
import io.signalbox.identity.AuditLog.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** Browsing the audit trail, filtered by domain, action, actor or subject; as a page and as JSON. */
@Path("/")
public class AuditPages {

    @Inject
    AuditLog audit;

    public record Query(String domain, String action, String actor, String subject) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Page page, Query query, List<String> actions);
    }

    @GET
    @Path("/audit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @QueryParam("domain") String domain,
            @QueryParam("action") String action,
            @QueryParam("actor") String actor,
            @QueryParam("subject") String subject,
            @QueryParam("page") Integer page) {
        Query query = new Query(blankToNull(domain), blankToNull(action), blankToNull(actor), blankToNull(subject));
        return Templates.audit(audit.browse(filter(query, page)), query, audit.actions());
    }

    @GET
    @Path("/api/audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Page api(
            @QueryParam("domain") String domain,
            @QueryParam("action") String action,
            @QueryParam("actor") String actor,
            @QueryParam("subject") String subject,
            @QueryParam("page") Integer page) {
        return audit.browse(filter(
                new Query(blankToNull(domain), blankToNull(action), blankToNull(actor), blankToNull(subject)), page));
    }

    private static Filter filter(Query query, Integer page) {
        return new Filter(
                Optional.ofNullable(query.domain()),
                Optional.ofNullable(query.action()),
                Optional.ofNullable(query.actor()),
                Optional.ofNullable(query.subject()),
                page == null ? 1 : Math.min(Math.max(page, 1), 10_000));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
