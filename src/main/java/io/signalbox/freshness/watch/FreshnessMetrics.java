package io.signalbox.freshness.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The freshness watch as Prometheus sees it (docs/freshness.md, docs/operations.md): {@code
 * signalbox_freshness_breaches} (watched products past their deadline now) and {@code signalbox_freshness_at_risk}
 * (within their margin), the same on every replica since they read the one {@code freshness_state}; and {@code
 * signalbox_freshness_transitions_total{to}} counted by the replica that made each move ({@code to}: watched, on_time,
 * at_risk, breached, recovered; every series registered at start, so it is scraped as 0 before the first move). The
 * counts are read at most every 10 seconds whatever the scrape rate; while PostgreSQL is away the gauges answer NaN.
 */
@Singleton
public class FreshnessMetrics implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(FreshnessMetrics.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    @Inject
    DataSource dataSource;

    private Counts counts;
    private Instant readAt = Instant.EPOCH;

    private record Counts(long breached, long atRisk) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("signalbox.freshness.breaches", this, m -> m.read(c -> c.breached()))
                .description("Watched products past their freshness deadline now (all replicas)")
                .register(registry);
        Gauge.builder("signalbox.freshness.at.risk", this, m -> m.read(c -> c.atRisk()))
                .description("Watched products within the at-risk margin of their freshness deadline (all replicas)")
                .register(registry);
        for (String kind : FreshnessWatch.KINDS) {
            Counter.builder("signalbox.freshness.transitions")
                    .description("Freshness state transitions this replica made, by the state or move reached")
                    .tag("to", kind)
                    .register(registry);
        }
    }

    private synchronized double read(ToDoubleFunction<Counts> value) {
        // wall-clock time on purpose: this is a cache of a database read, not a rule about the catalog's time
        Instant now = Instant.now();
        if (counts == null || readAt.plus(FRESH_FOR).isBefore(now)) {
            try (Connection connection = dataSource.getConnection();
                    Statement select = connection.createStatement();
                    ResultSet row = select.executeQuery("""
                            select count(*) filter (where state = 'breached'), count(*) filter (where state = 'at_risk')
                            from freshness_state where unwatched_at is null and state <> 'on_time'
                            """)) {
                row.next();
                counts = new Counts(row.getLong(1), row.getLong(2));
                readAt = now;
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("freshness counts unreadable: %s", e.getMessage());
                counts = null;
                return Double.NaN;
            }
        }
        return value.applyAsDouble(counts);
    }
}
