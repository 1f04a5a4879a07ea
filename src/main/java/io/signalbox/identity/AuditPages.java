package io.signalbox.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.identity.AuditLog.Entry;
import io.signalbox.identity.AuditLog.Filter;
import io.signalbox.identity.AuditLog.Position;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Browsing the audit trail, filtered by domain, action, actor or subject; as a page and as JSON. Both read the log a
 * page at a time, newest first, with a keyset cursor (issue 12: the log grows forever, so no offset and no page
 * number): the API by the one contract of {@link Paging}, the page with "newer" and "older" links.
 */
@Path("/")
public class AuditPages {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** The filters and the page position as the page's form and the API take them; blank fields match everything. */
    public static class Query {
        @QueryParam("domain")
        String domain;

        @QueryParam("action")
        String action;

        @QueryParam("actor")
        String actor;

        @QueryParam("subject")
        String subject;

        /** The cursor of the last entry already seen: the page holds older entries. */
        @QueryParam("after")
        String after;

        /** The page only: the cursor of the first entry of the page the reader came from; the page holds newer ones. */
        @QueryParam("before")
        String before;

        /** Entries per page, {@value AuditLog#DEFAULT_PAGE_SIZE} unless asked, {@value AuditLog#MAX_PAGE_SIZE} at most. */
        @QueryParam("size")
        Integer size;

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

        /** The address of the page that starts next to {@code entry} ({@code after} or {@code before} it). */
        public String link(String direction, Entry entry, int pageSize) {
            StringBuilder link = new StringBuilder("/audit?");
            appendParameter(link, "domain", domain());
            appendParameter(link, "action", action());
            appendParameter(link, "actor", actor());
            appendParameter(link, "subject", subject());
            appendParameter(link, direction, Paging.cursor(AuditLog.sortKey(entry)));
            if (size != null) {
                appendParameter(link, "size", Integer.toString(pageSize));
            }
            return link.substring(0, link.length() - 1);
        }

        private static void appendParameter(StringBuilder link, String name, String value) {
            if (value != null) {
                link.append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                        .append('&');
            }
        }

        Filter filter() {
            return new Filter(
                    Optional.ofNullable(domain()),
                    Optional.ofNullable(action()),
                    Optional.ofNullable(actor()),
                    Optional.ofNullable(subject()));
        }

        PageRequest pageRequest() {
            return Paging.request(after, size, AuditLog.DEFAULT_PAGE_SIZE, AuditLog.MAX_PAGE_SIZE, 2);
        }
    }

    /**
     * One page of the audit page: its entries newest first, and the links to the newer and older pages (null at
     * either end).
     */
    public record Screen(List<Entry> entries, String newer, String older) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Screen page, Query query, List<String> actions);
    }

    @GET
    @Path("/audit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@BeanParam Query query) {
        Filter filter = visibleTo(query);
        PageRequest request = query.pageRequest();
        int size = request.size();
        Screen screen;
        if (query.before != null && !query.before.isBlank() && request.first()) {
            Position before = Position.of(beforeCursor(query, size), "before");
            List<Entry> rows = audit.newerThan(filter, before, size + 1);
            boolean newerStill = rows.size() > size;
            List<Entry> entries = newerStill ? rows.subList(1, rows.size()) : rows;
            screen = new Screen(
                    entries,
                    newerStill ? query.link("before", entries.get(0), size) : null,
                    entries.isEmpty() ? null : query.link("after", entries.get(entries.size() - 1), size));
        } else {
            List<Entry> rows = audit.browse(filter, request);
            boolean olderStill = rows.size() > size;
            List<Entry> entries = olderStill ? rows.subList(0, size) : rows;
            screen = new Screen(
                    entries,
                    request.first() || entries.isEmpty() ? null : query.link("before", entries.get(0), size),
                    olderStill ? query.link("after", entries.get(entries.size() - 1), size) : null);
        }
        return Templates.audit(screen, query, audit.actions());
    }

    /**
     * The audit log as JSON, newest first, by the one paging contract ({@link Paging}): {@code ?size=} 1 to
     * {@value AuditLog#MAX_PAGE_SIZE} (default {@value AuditLog#DEFAULT_PAGE_SIZE}), {@code next} and the {@code Link}
     * header carry the cursor and keep the filters.
     */
    @GET
    @Path("/api/audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Response api(@BeanParam Query query, @Context UriInfo uri) {
        PageRequest request = query.pageRequest();
        return Paging.page(audit.browse(visibleTo(query), request), request, AuditLog::sortKey, uri)
                .answer();
    }

    /** The {@code before} cursor's parts; a cursor we did not write is a 400 naming {@code before}. */
    private static List<String> beforeCursor(Query query, int size) {
        try {
            return Paging.request(query.before, size, size, size, 2).after();
        } catch (Refusal.Malformed notOurs) {
            throw Paging.foreignCursor("before");
        }
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
