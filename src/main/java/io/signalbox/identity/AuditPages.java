package io.signalbox.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.identity.AuditLog.Filter;
import io.signalbox.identity.AuditLog.Page;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Browsing the audit trail, filtered by domain, action, actor or subject; as a page and as JSON. */
@Path("/")
public class AuditPages {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** The filters as the page's form and the API take them; blank fields match everything. */
    public static class Query {
        @QueryParam("domain")
        String domain;

        @QueryParam("action")
        String action;

        @QueryParam("actor")
        String actor;

        @QueryParam("subject")
        String subject;

        @QueryParam("page")
        Integer page;

        public String domain() {
            return blankToNull(domain);
        }

        public String action() {
            return blankToNull(action);
        }

        public String actor() {
            return blankToNull(actor);
        }

        public String subject() {
            return blankToNull(subject);
        }

        /** The address of another page of the same filtered list. */
        public String pageLink(int otherPage) {
            StringBuilder link = new StringBuilder("/audit?page=").append(otherPage);
            appendParameter(link, "domain", domain());
            appendParameter(link, "action", action());
            appendParameter(link, "actor", actor());
            appendParameter(link, "subject", subject());
            return link.toString();
        }

        private static void appendParameter(StringBuilder link, String name, String value) {
            if (value != null) {
                link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }

        Filter filter() {
            return new Filter(
                    Optional.ofNullable(domain()),
                    Optional.ofNullable(action()),
                    Optional.ofNullable(actor()),
                    Optional.ofNullable(subject()),
                    page == null ? 1 : Math.min(Math.max(page, 1), 10_000));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Page page, Query query, List<String> actions);
    }

    @GET
    @Path("/audit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@BeanParam Query query) {
        return Templates.audit(audit.browse(visibleTo(query)), query, audit.actions());
    }

    @GET
    @Path("/api/audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Page api(@BeanParam Query query) {
        return audit.browse(visibleTo(query));
    }

    /** The council and admins see every change; a domain owner sees the changes to the domains they own. */
    private Filter visibleTo(Query query) {
        Filter filter = query.filter();
        if (caller.isAdmin() || caller.isCouncil()) {
            return filter;
        }
        if (caller.ownedDomains().isEmpty()) {
            throw Refusal.forbidden(
                    "The audit log is open to the governance council, admins and domain owners (for their domains).");
        }
        if (filter.domain().isPresent()) {
            caller.refuseUnlessOwnerOf(filter.domain().get(), "read its audit log");
            return filter;
        }
        return filter.limitedTo(caller.ownedDomains());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
