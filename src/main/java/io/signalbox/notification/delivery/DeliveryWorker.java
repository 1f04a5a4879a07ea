package io.signalbox.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.signalbox.notification.Channel;
import io.signalbox.notification.ChannelSender;
import io.signalbox.notification.ChannelSender.DeliveryFailed;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.notification.MessageSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's due rows (docs/notifications.md): claim a batch in a short transaction (lease, {@code FOR UPDATE
 * SKIP LOCKED}), render each row through the {@link MessageSource} of its topic, send it outside any transaction
 * through the {@link ChannelSender} of its channel, then mark it sent or record the failure. Sends run in parallel on
 * a small bounded pool, so a peer that hangs holds one thread for at most its channel's timeout while the other rows
 * of the batch go out. Any number of workers (threads, portal instances) may run at once: a row is claimed by one of
 * them at a time, and sent again only when its lease passed without a mark, which is the one way a row is sent twice
 * (the worker died between the channel's acceptance and the mark; the resend carries the same Message-ID or delivery
 * id).
 *
 * <p>A failed attempt waits with exponential backoff and jitter ({@link Backoff}); a permanent failure, or a failure
 * once {@code signalbox.notification.give-up-after} has passed since the row was due, makes the row dead and tells its
 * source once ({@link MessageSource#deliveryDied}). All time comes from the injected {@link Clock}.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    Deliveries deliveries;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Any
    Instance<MessageSource> sources;

    @Inject
    @Any
    Instance<ChannelSender> senders;

    @Inject
    Clock clock;

    /** Rows claimed per transaction. */
    @ConfigProperty(name = "signalbox.notification.batch-size", defaultValue = "50")
    int batchSize;

    /** Sends in flight at once, per portal instance. */
    @ConfigProperty(name = "signalbox.notification.senders", defaultValue = "8")
    int parallelSends;

    /**
     * How long a claimed row is held by its worker; longer than the slowest channel's timeout (email 30 s) with room
     * for rendering and marking, or a slow but living worker's row would be claimed and sent again by another.
     */
    @ConfigProperty(name = "signalbox.notification.lease", defaultValue = "5M")
    Duration lease;

    /** From a row's due time, how long failures are retried before the row is dead. */
    @ConfigProperty(name = "signalbox.notification.give-up-after", defaultValue = "72H")
    Duration giveUpAfter;

    @ConfigProperty(name = "signalbox.notification.retry.first", defaultValue = "30S")
    Duration firstRetry;

    @ConfigProperty(name = "signalbox.notification.retry.max", defaultValue = "1H")
    Duration longestRetry;

    /** A run keeps claiming batches while they come full, for at most this long, then leaves the rest to the next. */
    @ConfigProperty(name = "signalbox.notification.longest-run", defaultValue = "1M")
    Duration longestRun;

    private ExecutorService pool;
    private Backoff backoff;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(parallelSends, task -> {
            Thread thread = new Thread(task, "notification-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        backoff = new Backoff(firstRetry, longestRetry);
    }

    /**
     * The portal is stopping: no new batch is claimed, and the sends under way get up to their channel's timeout to
     * finish and be marked while the database is still open (afterwards a send's row would keep its lease and be sent
     * again by whichever replica claims it next, which is safe but needless).
     */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(35, TimeUnit.SECONDS)) {
                LOG.warn("Notification sends still under way at shutdown; their rows are sent again after the lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Scheduled(
            identity = "notification-delivery",
            every = "${signalbox.notification.poll-interval:5s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void tick() {
        try {
            DeliveryRun run = runOnce();
            if (run.claimed() > 0) {
                LOG.debugf("notification delivery: %s", run);
            }
        } catch (RuntimeException e) {
            // Most often PostgreSQL is away (readiness says so): one line per tick, not a stack trace every 5 s; the
            // rows wait in the outbox and the next tick tries again.
            LOG.warnf("Notification delivery could not run (%s); trying again at the next tick", e.getMessage());
        }
    }

    /**
     * Sends every row due now (by the injected clock), batch after batch, and returns when they are all marked (each
     * send ends within its channel's timeout). Safe to call from several threads or portal instances at once.
     */
    public DeliveryRun runOnce() {
        Map<Channel, ChannelSender> byChannel = sendersByChannel();
        Map<String, MessageSource> byTopic = sourcesByTopic();
        Instant start = clock.instant();
        int waiting = 0;
        for (Channel channel : Channel.values()) {
            if (!byChannel.containsKey(channel)) {
                waiting += deliveries.noteWaitingForSender(channel, start);
            }
        }
        DeliveryRun run = new DeliveryRun(0, 0, 0, 0, 0, waiting);
        while (!stopping) {
            Instant now = clock.instant();
            List<DeliveryRecord> batch = deliveries.claim(batchSize, now, now.plus(lease), byChannel.keySet());
            if (batch.isEmpty()) {
                return run;
            }
            List<Future<DeliveryRun>> sends = new ArrayList<>(batch.size());
            for (DeliveryRecord row : batch) {
                sends.add(pool.submit(() -> inRequestContext(() -> deliver(row, byTopic, byChannel))));
            }
            for (Future<DeliveryRun> send : sends) {
                run = run.plus(outcomeOf(send));
            }
            if (batch.size() < batchSize
                    || Duration.between(start, clock.instant()).compareTo(longestRun) > 0) {
                return run;
            }
        }
        return run;
    }

    private DeliveryRun deliver(
            DeliveryRecord row, Map<String, MessageSource> byTopic, Map<Channel, ChannelSender> byChannel) {
        MessageSource source = byTopic.get(row.topic());
        if (source == null) {
            // No feature renders this topic any more: nothing can be said, so nothing is sent.
            deliveries.cancel(row.id());
            LOG.warnf("notification delivery %d cancelled: no message source for topic '%s'", row.id(), row.topic());
            return new DeliveryRun(1, 0, 0, 0, 1, 0);
        }
        Optional<Message> message;
        try {
            message = QuarkusTransaction.requiringNew().call(() -> source.render(row));
        } catch (RuntimeException e) {
            // A source that cannot render is a defect, not a network failure: its stack trace is what mends it.
            LOG.warnf(e, "notification delivery %d: the %s source could not render it", row.id(), row.topic());
            return failed(row, source, "rendering the message failed: " + describe(e), false);
        }
        if (message.isEmpty()) {
            deliveries.cancel(row.id());
            return new DeliveryRun(1, 0, 0, 0, 1, 0);
        }
        try {
            byChannel.get(row.channel()).send(row, message.get());
        } catch (DeliveryFailed e) {
            return failed(row, source, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            return failed(row, source, describe(e), false);
        }
        deliveries.markSent(row.id(), clock.instant());
        return new DeliveryRun(1, 1, 0, 0, 0, 0);
    }

    private DeliveryRun failed(DeliveryRecord row, MessageSource source, String error, boolean permanent) {
        Instant now = clock.instant();
        metrics.counter(
                        "signalbox.notification.delivery.failures",
                        "channel",
                        row.channel().name().toLowerCase(Locale.ROOT))
                .increment();
        boolean tooOld = !now.isBefore(row.dueAt().plus(giveUpAfter));
        if (permanent || tooOld) {
            String reason =
                    (permanent ? "permanent failure: " : "gave up after " + giveUpAfter.toHours() + " h: ") + error;
            boolean died = QuarkusTransaction.requiringNew().call(() -> {
                Optional<DeliveryRecord> dead = deliveries.markDead(row.id(), reason);
                dead.ifPresent(source::deliveryDied);
                return dead.isPresent();
            });
            if (died) {
                LOG.warnf(
                        "notification delivery %d (%s to %s) is dead: %s",
                        row.id(), row.channel(), row.target(), reason);
            }
            return new DeliveryRun(1, 0, 0, died ? 1 : 0, 0, 0);
        }
        Instant next = now.plus(
                backoff.after(row.attempts(), ThreadLocalRandom.current().nextDouble()));
        deliveries.retryLater(row.id(), error, next);
        LOG.infof(
                "notification delivery %d (%s) failed on attempt %d, next at %s: %s",
                row.id(), row.channel(), row.attempts(), next, error);
        return new DeliveryRun(1, 0, 1, 0, 0, 0);
    }

    private DeliveryRun outcomeOf(Future<DeliveryRun> send) {
        try {
            return send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for notification sends", e);
        } catch (ExecutionException e) {
            // Marking failed (the database went away): the row keeps its lease and is claimed again when it passes.
            LOG.errorf(e.getCause(), "notification delivery could not be recorded; it will be retried");
            return new DeliveryRun(1, 0, 1, 0, 0, 0);
        }
    }

    private static <T> T inRequestContext(java.util.function.Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            return work.get();
        }
        context.activate();
        try {
            return work.get();
        } finally {
            context.terminate();
        }
    }

    private Map<Channel, ChannelSender> sendersByChannel() {
        Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
        for (ChannelSender sender : senders) {
            ChannelSender earlier = byChannel.putIfAbsent(sender.channel(), sender);
            if (earlier != null) {
                LOG.warnf("two senders for channel %s; using %s", sender.channel(), earlier.getClass());
            }
        }
        return byChannel;
    }

    private Map<String, MessageSource> sourcesByTopic() {
        Map<String, MessageSource> byTopic = new HashMap<>();
        for (MessageSource source : sources) {
            byTopic.putIfAbsent(source.topic(), source);
        }
        return byTopic;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
