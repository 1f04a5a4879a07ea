package io.signalbox.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trail. A change is recorded inside the transaction that makes it, so the log never claims a change that
 * was rolled back, and never misses one that was committed.
 */
@ApplicationScoped
public class AuditLog {

    public static final int PAGE_SIZE = 50;

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
            int page,
            Optional<Set<String>> domains) {

        public Filter(
                Optional<String> domain,
                Optional<String> action,
                Optional<String> actor,
                Optional<String> subject,
                int page) {
            this(domain, action, actor, subject, page, Optional.empty());
        }

        /** The same filter, restricted to changes in the given domains. */
        public Filter limitedTo(Set<String> visibleDomains) {
            return new Filter(domain, action, actor, subject, page, Optional.of(visibleDomains));
        }
    }

    public record Page(List<Entry> entries, int page, boolean hasNext) {}

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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page browse(Filter filter) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        filter.domain().ifPresent(d -> condition(where, parameters, "e.domainKey = ?", d));
        filter.action().ifPresent(a -> condition(where, parameters, "e.action = ?", a));
        filter.actor().ifPresent(a -> condition(where, parameters, "lower(e.actor) = lower(?)", a));
        filter.subject().ifPresent(s -> condition(where, parameters, "e.subjectKey = ?", s));
        filter.domains().ifPresent(d -> condition(where, parameters, "e.domainKey in ?", d));
        var query = em.createQuery(
                "select e from AuditEvent e " + where + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        int page = Math.max(1, filter.page());
        List<Entry> rows = query.setFirstResult((page - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE + 1)
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
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, page, hasNext);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEvent e order by e.action", String.class)
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
