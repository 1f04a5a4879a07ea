package io.signalbox.governance.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Whether products keep the freshness they declared, as their own measurements say: for each product, its latest
 * measurement's {@code lastRefreshedAt} is on time when it is no older than the product's declared freshness, now
 * (the injected clock). Answers the readiness evidence's "measured on-time share" without another feature reading
 * {@code product_measurement}. One statement, one index probe ({@code product_measurement (product_id, id desc)}) per
 * product asked about.
 */
@ApplicationScoped
public class MeasuredFreshness {

    private static final String ON_TIME = """
            select count(*),
                   count(*) filter (where latest.last_refreshed_at
                                          >= ?::timestamptz - asked.seconds * interval '1 second')
              from unnest(?::bigint[], ?::bigint[]) as asked (product_id, seconds)
              join lateral (select m.last_refreshed_at from product_measurement m
                             where m.product_id = asked.product_id order by m.id desc limit 1) latest on true
            """;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /**
     * How many of the given products have been measured, and how many of those were last refreshed within their
     * declared freshness.
     *
     * @param declaredFreshness product id → the freshness it declared (a positive duration)
     */
    public OnTime onTime(Map<Long, Duration> declaredFreshness) {
        if (declaredFreshness.isEmpty()) {
            return new OnTime(0, 0);
        }
        Long[] ids = new Long[declaredFreshness.size()];
        Long[] seconds = new Long[ids.length];
        int i = 0;
        for (Map.Entry<Long, Duration> entry : declaredFreshness.entrySet()) {
            ids[i] = entry.getKey();
            seconds[i] = entry.getValue().toSeconds();
            i++;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(ON_TIME)) {
            query.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            query.setArray(2, connection.createArrayOf("bigint", ids));
            query.setArray(3, connection.createArrayOf("bigint", seconds));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new OnTime(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the products' measured freshness", e);
        }
    }

    private static final String LATEST = """
            select asked.product_id, latest.last_refreshed_at
              from unnest(?::bigint[]) as asked (product_id)
              join lateral (select m.last_refreshed_at from product_measurement m
                             where m.product_id = asked.product_id order by m.id desc limit 1) latest on true
            """;

    /**
     * The last refresh each of the given products reported in its latest measurement (the same "latest" as
     * {@link #onTime}: the most recently received), for the freshness watch. Products without a measurement are
     * absent from the answer. One statement, one index probe per product; in the caller's transaction when there is
     * one, so a caller holding a lock on its own rows reads measurements committed before it took the lock.
     *
     * @param productIds at most a batch of products (the caller bounds it); empty answers empty
     */
    public Map<Long, Instant> latestRefreshes(Collection<Long> productIds) {
        Map<Long, Instant> answer = new HashMap<>();
        if (productIds.isEmpty()) {
            return answer;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(LATEST)) {
            query.setArray(1, connection.createArrayOf("bigint", productIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    answer.put(
                            rows.getLong(1),
                            rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return answer;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the products' latest refreshes", e);
        }
    }

    /**
     * The products measured after a measurement, for a watch that follows new measurements instead of reading every
     * product's latest one.
     *
     * @param productIds the products with a measurement whose id is above the one asked about (at most the limit's
     *     worth of measurements)
     * @param lastId the highest measurement id read (the next call's starting point); unchanged when none was new
     */
    public record MeasuredSince(java.util.Set<Long> productIds, long lastId) {}

    /**
     * The products measured after measurement {@code afterId}, reading at most {@code limit} measurements in id order
     * (the primary key); call again from {@code lastId} while it moves.
     */
    public MeasuredSince measuredAfter(long afterId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id, product_id from product_measurement where id > ? order by id limit ?")) {
            query.setLong(1, afterId);
            query.setInt(2, limit);
            java.util.Set<Long> products = new java.util.HashSet<>();
            long last = afterId;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    last = rows.getLong(1);
                    products.add(rows.getLong(2));
                }
            }
            return new MeasuredSince(products, last);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the new measurements", e);
        }
    }

    /** The highest measurement id so far (0 when there is none). */
    public long latestMeasurementId() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select coalesce(max(id), 0) from product_measurement");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the latest measurement", e);
        }
    }

    /**
     * @param measured products with at least one measurement
     * @param onTime those whose latest measurement's last refresh is within their declared freshness
     */
    public record OnTime(long measured, long onTime) {}
}
