package io.signalbox.deprecation.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads a feed's entries: the newest deprecation events of its scope with their notices' fields, in one statement
 * (newest first by event id, the order they were recorded in), bounded by {@code limit}. Each scope has its own
 * index ({@code deprecation_event_feed_idx}, {@code _domain_idx}, {@code _product_idx}, V18), so a feed costs the
 * same however many events the catalog holds.
 */
@ApplicationScoped
public class FeedQueries {

    private static final String SELECT = "select e.id, e.notice_id, e.product_key, e.domain_key, e.kind, e.at,"
            + " e.actor, e.summary, n.major_version, n.state, n.reason, n.successor_key, n.successor_version,"
            + " n.no_successor_reason, n.sunset, n.rescind_reason, n.lock_version"
            + " from deprecation_event e join deprecation_notice n on n.id = e.notice_id";

    @Inject
    EntityManager em;

    /** At most {@code limit} entries of the scope, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FeedEntry> newest(FeedScope scope, int limit) {
        String where;
        String key;
        if (scope.domainKey() != null) {
            where = " where e.domain_key = :key";
            key = scope.domainKey();
        } else if (scope.productKey() != null) {
            where = " where e.product_key = :key";
            key = scope.productKey();
        } else {
            where = "";
            key = null;
        }
        var query = em.createNativeQuery(SELECT + where + " order by e.id desc limit :limit")
                .setParameter("limit", limit);
        if (key != null) {
            query.setParameter("key", key);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(FeedQueries::entry).toList();
    }

    private static FeedEntry entry(Object[] r) {
        return new FeedEntry(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                instant(r[5]),
                (String) r[6],
                (String) r[7],
                r[8] == null ? null : ((Number) r[8]).intValue(),
                (String) r[9],
                (String) r[10],
                (String) r[11],
                (String) r[12],
                (String) r[13],
                date(r[14]),
                (String) r[15],
                ((Number) r[16]).intValue());
    }

    // Hibernate hands timestamptz and date columns of native queries back as different types depending on its
    // version and settings; each is read to the one type the feed needs.
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected date type " + value.getClass());
    }
}
