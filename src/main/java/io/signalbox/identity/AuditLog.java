package io.signalbox.identity;

import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trail. A change is recorded inside the transaction that makes it, so the log never claims a change that
 * was rolled back, and never misses one that was committed.
 */
@ApplicationScoped
public class AuditLog {

    /** Entries on a page when the client names no size. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** The most entries one page may hold ({@code ?size=} above it is a 400 naming size). */
    public static final int MAX_PAGE_SIZE = 200;

    /** Distinct actions the filter offers at most: a fixed vocabulary of the code's, small by nature. */
    static final int MAX_ACTIONS = 200;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** What was changed, in words a council member can read. */
    public record Change(
            String actor,
            String action,
            String subjectType,
            String subjectKey,
            String domainKey,
            String before,
            String after) {}

    /** One recorded change as lists show it; {@code before} and {@code after} are summaries, cut at 4 000 characters. */
    public record Entry(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            String subjectType,
            String subjectKey,
            String domainKey,
            String before,
            String after) {}

    /** Filters for browsing; empty values match everything. */
    public record Filter(
            Optional<String> domain,
            Optional<String> action,
            Optional<String> actor,
            Optional<String> subject,
            Optional<Set<String>> domains) {

        public Filter(
                Optional<String> domain, Optional<String> action, Optional<String> actor, Optional<String> subject) {
            this(domain, action, actor, subject, Optional.empty());
        }

        /** The same filter, restricted to changes in the given domains. */
        public Filter limitedTo(Set<String> visibleDomains) {
            return new Filter(domain, action, actor, subject, Optional.of(visibleDomains));
        }

        private Filter onlyIn(String oneDomain) {
            return new Filter(Optional.of(oneDomain), action, actor, subject, Optional.empty());
        }
    }

    /**
     * A place in the log's order, newest first: (when, id), the id breaking ties between changes of the same instant.
     * Cursors carry it as two parts, {@link #sortKey(Entry)}.
     */
    public record Position(Instant occurredAt, long id) {

        /**
         * Reads the two parts of a cursor written from {@link #sortKey(Entry)}.
         *
         * @param field the query parameter the cursor came in, named by the 400 when its parts are not ours
         */
        public static Position of(List<String> parts, String field) {
            try {
                return new Position(Instant.parse(parts.get(0)), Long.parseLong(parts.get(1)));
            } catch (RuntimeException e) {
                throw Paging.foreignCursor(field);
            }
        }
    }

    /** The sort key of an entry as cursor parts: its instant (ISO-8601) and its id. */
    public static List<String> sortKey(Entry entry) {
        return List.of(entry.occurredAt().toString(), Long.toString(entry.id()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.actor = change.actor();
        event.action = change.action();
        event.subjectType = change.subjectType();
        event.subjectKey = change.subjectKey();
        event.domainKey = change.domainKey();
        event.before = truncate(change.before());
        event.after = truncate(change.after());
        event.persist();
    }

    /**
     * The entries matching the filter, newest first, after the request's cursor (from the newest without one): at
     * most {@code size + 1} of them, the last telling {@link io.signalbox.web.Paging#page} that a next page exists.
     * Keyset reads through the index of the filter's column (V14), so a page costs the same at any depth of the log.
     *
     * @throws Refusal.Malformed (400) naming {@code after} when the cursor's parts are not an instant and an id
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> browse(Filter filter, PageRequest request) {
        Optional<Position> after =
                request.first() ? Optional.empty() : Optional.of(Position.of(request.after(), "after"));
        return read(filter, after, true, request.limitWithLookahead());
    }

    /**
     * The entries just newer than {@code before}, at most {@code limit} of them, newest first: the page before a
     * page, for the audit page's "newer" link (the API pages forward only, by the one contract).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> newerThan(Filter filter, Position before, int limit) {
        List<Entry> rows = new ArrayList<>(read(filter, Optional.of(before), false, limit));
        // Read oldest first from the position (the index seeks there), shown newest first like every page of the log.
        Collections.reverse(rows);
        return rows;
    }

    /**
     * One page in one direction. A domain owner's view spans the domains they own: each domain is read through its
     * own index, {@code limit} rows at most, and the few short lists are merged, because PostgreSQL would otherwise
     * sort every change of those domains to find the newest {@code limit}.
     */
    private List<Entry> read(Filter filter, Optional<Position> from, boolean older, int limit) {
        if (filter.domains().isPresent() && filter.domain().isEmpty()) {
            Comparator<Entry> order = Comparator.comparing(Entry::occurredAt).thenComparing(Entry::id);
            return filter.domains().get().stream()
                    .flatMap(domain -> read(filter.onlyIn(domain), from, older, limit).stream())
                    .sorted(older ? order.reversed() : order)
                    .limit(limit)
                    .toList();
        }
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        filter.domain().ifPresent(d -> condition(where, parameters, "e.domainKey = ?", d));
        filter.action().ifPresent(a -> condition(where, parameters, "e.action = ?", a));
        filter.actor().ifPresent(a -> condition(where, parameters, "lower(e.actor) = lower(?)", a));
        filter.subject().ifPresent(s -> condition(where, parameters, "e.subjectKey = ?", s));
        if (from.isPresent()) {
            // Row comparison: PostgreSQL seeks the index to the position instead of filtering up to it.
            String comparison = older ? "<" : ">";
            parameters.add(from.get().occurredAt());
            parameters.add(from.get().id());
            where.append(" and (e.occurredAt, e.id) ")
                    .append(comparison)
                    .append(" (?")
                    .append(parameters.size() - 1)
                    .append(", ?")
                    .append(parameters.size())
                    .append(")");
        }
        String direction = older ? "desc" : "asc";
        var query = em.createQuery(
                "select e from AuditEvent e " + where + " order by e.occurredAt " + direction + ", e.id " + direction,
                AuditEvent.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.setMaxResults(limit)
                .getResultStream()
                .map(e -> new Entry(
                        e.id,
                        e.occurredAt,
                        e.actor,
                        e.action,
                        e.subjectType,
                        e.subjectKey,
                        e.domainKey,
                        e.before,
                        e.after))
                .toList();
    }

    /**
     * The actions recorded so far, for the page's filter. A loose index scan over the action index (one index probe
     * per distinct action) rather than {@code select distinct}, which would read every entry of the log.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> actions() {
        return em.createNativeQuery("""
                        with recursive actions(action) as (
                            (select action from audit_event order by action limit 1)
                            union all
                            select (select e.action from audit_event e where e.action > a.action
                                    order by e.action limit 1)
                            from actions a where a.action is not null)
                        select action from actions where action is not null limit ?1""", String.class)
                .setParameter(1, MAX_ACTIONS)
                .getResultList();
    }

    private static void condition(StringBuilder where, List<Object> parameters, String clause, Object value) {
        parameters.add(value);
        where.append(" and ").append(clause.replace("?", "?" + parameters.size()));
    }

    private static String truncate(String summary) {
        if (summary == null) {
            return null;
        }
        return summary.length() > 4000 ? summary.substring(0, 4000) + "…" : summary;
    }
}
