package io.signalbox.notification.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.signalbox.notification.Outbox;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The outbox as Prometheus sees it (docs/notifications.md "Monitoring"): {@code signalbox_notification_outbox_pending}
 * (rows waiting, due or not) and {@code signalbox_notification_outbox_oldest_pending_seconds} (age of the oldest, 0
 * when none), both shared by all replicas since they read the one outbox; failed attempts are counted by the worker
 * ({@code signalbox_notification_delivery_failures_total{channel}}). The backlog is read at most every 10 seconds
 * whatever the scrape rate; while PostgreSQL is away the gauges answer NaN.
 */
@Singleton
public class OutboxMetrics implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private Outbox.Backlog backlog;
    private Instant readAt = Instant.EPOCH;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("signalbox.notification.outbox.pending", this, m -> m.read(b -> b.pending()))
                .description("Notification deliveries waiting in the outbox (all replicas)")
                .register(registry);
        Gauge.builder(
                        "signalbox.notification.outbox.oldest.pending",
                        this,
                        m -> m.read(b -> b.oldestCreatedAt() == null
                                ? 0
                                : Math.max(
                                        0,
                                        Duration.between(b.oldestCreatedAt(), m.clock.instant())
                                                .toSeconds())))
                .description("Age of the oldest pending notification delivery")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized double read(java.util.function.ToDoubleFunction<Outbox.Backlog> value) {
        Instant now = Instant.now();
        if (backlog == null || readAt.plus(FRESH_FOR).isBefore(now)) {
            try {
                backlog = outbox.backlog();
                readAt = now;
            } catch (RuntimeException e) {
                LOG.debugf("outbox backlog unreadable: %s", e.getMessage());
                backlog = null;
                return Double.NaN;
            }
        }
        return value.applyAsDouble(backlog);
    }
}
