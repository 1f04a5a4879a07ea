package io.signalbox.freshness.watch;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.signalbox.catalog.reporting.CatalogChanges;
import io.signalbox.catalog.reporting.FreshnessPromises;
import io.signalbox.catalog.reporting.FreshnessPromises.Promise;
import io.signalbox.governance.compliance.FreshnessWindow;
import io.signalbox.governance.compliance.MeasuredFreshness;
import io.signalbox.notification.Channel;
import io.signalbox.notification.DeliveryRequest;
import io.signalbox.notification.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Moves every product that declares a freshness through on time → at risk → breached → recovered
 * (docs/freshness.md), records each move in {@code freshness_transition} and alerts the product's owner (email and
 * inbox, through the outbox, topic {@value #TOPIC}) on at risk, on breach and on recovery.
 *
 * <p>A run walks the catalog's promises ({@link FreshnessPromises}) a batch at a time by product id; per batch, in one
 * transaction, it adds the products not watched yet, claims their state rows with {@code FOR UPDATE SKIP LOCKED},
 * reads their latest reported refreshes (governance's {@link MeasuredFreshness}) after the claim, and writes each
 * change of state together with its history row and its outbox rows. A row another run holds is skipped, and a run
 * that claims it after that one committed finds it already moved: each transition happens, and is alerted, once,
 * however many replicas or threads run at once. A new measurement, a new product or a changed promise is picked up
 * by the next run (every {@code signalbox.freshness.check-interval}, 1 min), not by an event: one minute is far inside
 * any freshness window, and the run is the single writer of the state.
 */
@ApplicationScoped
public class FreshnessWatch {

    private static final Logger LOG = Logger.getLogger(FreshnessWatch.class);

    /** The notification topic of freshness alerts, rendered by {@link FreshnessMessages}. */
    public static final String TOPIC = "freshness";

    /** The recipient key of the product's owner within a transition's deliveries. */
    static final long OWNER = 1;

    /** The kinds of transition the owner is told of; {@code watched} and {@code on_time} are only recorded. */
    static final List<String> ALERTED = List.of("at_risk", "breached", "recovered");

    /** Every kind of transition, for the counter's series. */
    static final List<String> KINDS = List.of("watched", "on_time", "at_risk", "breached", "recovered");

    @Inject
    FreshnessPromises promises;

    @Inject
    MeasuredFreshness measured;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    FreshnessConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    CatalogChanges changes;

    /** The last measurement the due runs have looked at (this replica's; the hourly walk sets it). */
    private volatile long lastMeasurementId;

    /**
     * Where the due runs read the catalog's change feed from (this replica's; the hourly walk sets it): products
     * published, changed or retired after it are looked at again, so a new or changed promise is watched within a run.
     */
    private volatile long lastChangeSeq;

    /**
     * How far back the due runs read the change feed again: a transaction that took a sequence number before another
     * but committed after it is still seen (the catalog's own writes commit within seconds).
     */
    static final Duration FEED_GRACE = Duration.ofMinutes(2);

    /**
     * The sequence numbers above {@link #lastChangeSeq} that the due runs have already looked at: the rows of the
     * grace period are read again, but only a row not seen before (a late commit) makes a product be looked at again.
     * Bounded by the rows of the last {@link #FEED_GRACE}.
     */
    private final NavigableSet<Long> seenChanges = new ConcurrentSkipListSet<>();

    /** When this replica last walked every product (System.nanoTime), or null before the first walk. */
    private volatile Long lastFullWalkNanos;

    /** What one run did: transitions by kind, and how many products it looked at. */
    public record Run(Map<String, Integer> transitions, int products) {

        /** How many transitions of {@code kind} the run made. */
        public int of(String kind) {
            return transitions.getOrDefault(kind, 0);
        }
    }

    @PostConstruct
    void refuseBadSettings() {
        if (config.atRiskMargin() < 1 || config.atRiskMargin() > 99) {
            throw new IllegalStateException(
                    "signalbox.freshness.at-risk-margin must be 1 to 99 (percent of the window)," + " not "
                            + config.atRiskMargin());
        }
        if (config.batchSize() < 1 || config.batchSize() > 5000) {
            throw new IllegalStateException(
                    "signalbox.freshness.batch-size must be 1 to 5000, not " + config.batchSize());
        }
    }

    @Scheduled(
            identity = "freshness-watch",
            every = "${signalbox.freshness.check-interval}",
            delayed = "${signalbox.freshness.check-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            long started = System.nanoTime();
            boolean full = lastFullWalkNanos == null
                    || started - lastFullWalkNanos >= config.fullWalkInterval().toNanos();
            Run run;
            if (full) {
                long measuredBefore = measured.latestMeasurementId();
                long changedBefore = changes.settledPosition(FEED_GRACE);
                run = runOnce();
                lastMeasurementId = Math.max(lastMeasurementId, measuredBefore);
                lastChangeSeq = Math.max(lastChangeSeq, changedBefore);
                lastFullWalkNanos = started;
            } else {
                run = runDue();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (run.transitions().values().stream().anyMatch(n -> n > 0) || millis > 5_000) {
                LOG.infof(
                        "Freshness watch (%s): %d products in %d ms, %s",
                        full ? "every product" : "due and measured", run.products(), millis, run.transitions());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the products' freshness; trying again at the next tick: %s", e.getMessage());
        }
    }

    /**
     *
     * Looks only at the products that can have moved since the last run, a batch per transaction: those the catalog's
     * change feed names since the last run (published, given a new promise, retired: watched, re-dated or no longer
     * watched), those measured since (by measurement id), and those whose at-risk time or deadline has passed in their
     * current state. The hourly walk of every product ({@link #runOnce()},
     * {@code signalbox.freshness.full-walk-interval}) catches what no feed row names (a direct write to the catalog's
     * tables). Its cost follows what changed and what is due, not the catalog: at 97 000 watched products a walk of all
     * of them took 5 to 8 s (docs/performance.md).
     */
    public Run runDue() {
        Map<String, Integer> transitions = new LinkedHashMap<>();
        int products = 0;
        int batch = config.batchSize();
        long position = lastChangeSeq;
        // read before the rows, so that it never passes a row this run did not read
        long settled = changes.settledPosition(FEED_GRACE);
        while (true) {
            CatalogChanges.Batch changed = changes.after(position, batch);
            if (changed.changes().isEmpty()) {
                break;
            }
            List<CatalogChanges.Change> unseen = changed.changes().stream()
                    .filter(c -> !seenChanges.contains(c.seq()))
                    .toList();
            Set<Long> ids = new LinkedHashSet<>();
            unseen.stream()
                    .map(CatalogChanges.Change::productId)
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
            if (!ids.isEmpty()) {
                products += watchChanged(ids, transitions);
            }
            unseen.forEach(c -> seenChanges.add(c.seq()));
            position = changed.changes().get(changed.changes().size() - 1).seq();
            if (changed.complete()) {
                break;
            }
        }
        // The next run reads again what is younger than the grace: a late commit below the position is then seen.
        lastChangeSeq = Math.max(lastChangeSeq, Math.min(position, settled));
        seenChanges.headSet(lastChangeSeq, true).clear();
        while (true) {
            MeasuredFreshness.MeasuredSince measuredSince = measured.measuredAfter(lastMeasurementId, batch);
            if (measuredSince.productIds().isEmpty()) {
                break;
            }
            products += watchProducts(measuredSince.productIds(), transitions);
            lastMeasurementId = measuredSince.lastId();
        }
        long afterId = 0;
        while (true) {
            List<Long> due = dueProducts(afterId, clock.instant(), batch);
            if (due.isEmpty()) {
                break;
            }
            products += watchProducts(due, transitions);
            afterId = due.get(due.size() - 1);
            if (due.size() < batch) {
                break;
            }
        }
        return new Run(Map.copyOf(transitions), products);
    }

    /** One transaction over these products' promises; returns how many promises it looked at. */
    private int watchProducts(Collection<Long> productIds, Map<String, Integer> transitions) {
        return watchProducts(productIds, transitions, false);
    }

    /**
     * One transaction over these changed products: watches those that promise a readable freshness, and stops
     * watching those that no longer do (a new version without one, retired); returns how many promises it looked at.
     */
    private int watchChanged(Collection<Long> productIds, Map<String, Integer> transitions) {
        return watchProducts(productIds, transitions, true);
    }

    private int watchProducts(Collection<Long> productIds, Map<String, Integer> transitions, boolean unwatchTheRest) {
        Stretch stretch = QuarkusTransaction.requiringNew().call(() -> {
            List<Promise> page = promises.of(productIds);
            return watch(page, clock.instant(), null, Optional.empty(), unwatchTheRest ? productIds : List.of());
        });
        stretch.kinds().forEach((kind, n) -> {
            transitions.merge(kind, n, Integer::sum);
            registry.counter("signalbox.freshness.transitions", "to", kind).increment(n);
        });
        return stretch.products();
    }

    /** Watched products, by id after {@code afterId}, whose at-risk time (on time) or deadline (at risk) has passed. */
    private List<Long> dueProducts(long afterId, Instant now, int limit) {
        List<Long> ids = new ArrayList<>();
        work(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select product_id from freshness_state
                    where unwatched_at is null and state in ('on_time', 'at_risk') and product_id > ?
                      and ((state = 'on_time' and at_risk_from <= ?) or (state = 'at_risk' and deadline < ?))
                    order by product_id limit ?
                    """)) {
                query.setLong(1, afterId);
                query.setObject(2, time(now));
                query.setObject(3, time(now));
                query.setInt(4, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return null;
        });
        return ids;
    }

    /** Looks at every product that declares a freshness once, moving and alerting what changed since the last run. */
    public Run runOnce() {
        Map<String, Integer> transitions = new LinkedHashMap<>();
        int products = 0;
        long afterId = 0;
        int batch = config.batchSize();
        while (true) {
            long from = afterId;
            Stretch stretch = QuarkusTransaction.requiringNew().call(() -> watchBatch(from, batch));
            // counted after the commit: a rolled-back batch moved nothing
            stretch.kinds().forEach((kind, n) -> {
                transitions.merge(kind, n, Integer::sum);
                registry.counter("signalbox.freshness.transitions", "to", kind).increment(n);
            });
            products += stretch.products();
            if (stretch.lastId().isEmpty()) {
                break;
            }
            afterId = stretch.lastId().get();
        }
        return new Run(Map.copyOf(transitions), products);
    }

    /** What one batch did, and the id the walk goes on after (empty: done). */
    private record Stretch(Map<String, Integer> kinds, int products, Optional<Long> lastId) {}

    /** A watched product's row as claimed. */
    private record Claimed(long productId, FreshnessState state, Instant since) {}

    /** A transition to record: its history row and, for the alerted kinds, its outbox rows. */
    private record Move(
            long productId,
            FreshnessState from,
            FreshnessState to,
            String kind,
            Instant at,
            Instant deadline,
            Instant lastRefreshedAt,
            String ownerEmail) {}

    private Stretch watchBatch(long afterId, int batch) {
        List<Promise> page = promises.page(afterId, batch);
        boolean more = page.size() == batch;
        Optional<Long> lastId = more ? Optional.of(page.get(page.size() - 1).productId()) : Optional.empty();
        return watch(page, clock.instant(), afterId, lastId, List.of());
    }

    /**
     * Watches these promises in the caller's transaction: starts watching the new ones, claims the state rows, moves
     * and alerts. With {@code walkAfterId} (a walk of every product), also stops watching the products of the walked
     * stretch of ids that no longer promise a readable freshness; likewise the products of {@code changed} (ids the
     * change feed named) that no longer do.
     */
    private Stretch watch(
            List<Promise> page, Instant now, Long walkAfterId, Optional<Long> walkLastId, Collection<Long> changed) {
        Map<Long, Promise> readable = new LinkedHashMap<>();
        Map<Long, Duration> windows = new HashMap<>();
        for (Promise promise : page) {
            FreshnessWindow.of(promise.declared()).ifPresent(window -> {
                readable.put(promise.productId(), promise);
                windows.put(promise.productId(), window);
            });
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        work(connection -> {
            List<Move> moves = new ArrayList<>(startWatching(connection, readable, windows, now));
            if (walkAfterId != null) {
                stopWatching(
                        connection, walkAfterId, walkLastId, readable.keySet().toArray(Long[]::new), now);
            }
            Long[] gone =
                    changed.stream().filter(id -> !readable.containsKey(id)).toArray(Long[]::new);
            if (gone.length > 0) {
                stopWatching(connection, gone, now);
            }
            List<Claimed> claimed = claim(connection, readable.keySet().toArray(Long[]::new));
            Map<Long, Instant> refreshes = measured.latestRefreshes(
                    claimed.stream().map(Claimed::productId).toList());
            List<Object[]> updates = new ArrayList<>();
            for (Claimed row : claimed) {
                Promise promise = readable.get(row.productId());
                Instant refreshed = refreshes.get(row.productId());
                FreshnessState.Deadline deadline = FreshnessState.Deadline.of(
                        refreshed == null ? promise.publishedAt() : refreshed,
                        windows.get(row.productId()),
                        config.atRiskMargin());
                FreshnessState state = deadline.stateAt(now);
                Instant since = row.since();
                if (state != row.state()) {
                    since = deadline.began(row.state(), state, refreshed, row.since(), now);
                    moves.add(new Move(
                            row.productId(),
                            row.state(),
                            state,
                            FreshnessState.kindOf(row.state(), state),
                            since,
                            deadline.deadline(),
                            refreshed,
                            promise.ownerEmail()));
                }
                updates.add(new Object[] {
                    row.productId(),
                    promise.key(),
                    promise.domain(),
                    promise.title(),
                    promise.ownerEmail(),
                    promise.declared(),
                    windows.get(row.productId()).toSeconds(),
                    text(refreshed),
                    text(promise.publishedAt()),
                    text(deadline.deadline()),
                    text(deadline.atRiskFrom()),
                    state.stored,
                    text(since)
                });
            }
            update(connection, updates, now);
            record(connection, moves, firstLook(moves), now);
            moves.forEach(m -> kinds.merge(m.kind(), 1, Integer::sum));
            return null;
        });
        return new Stretch(kinds, readable.size(), walkLastId);
    }

    /**
     * Adds a state row, on time from now, for each product not watched yet, with its first history row ("watched");
     * the claim that follows moves it at once if it is already at risk or late. A concurrent run inserting the same
     * product waits here for this transaction and then inserts nothing.
     */
    private List<Move> startWatching(
            Connection connection, Map<Long, Promise> readable, Map<Long, Duration> windows, Instant now)
            throws SQLException {
        if (readable.isEmpty()) {
            return List.of();
        }
        List<Promise> batch = List.copyOf(readable.values());
        List<Move> started = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into freshness_state (product_id, product_key, domain_key, title, owner_email, declared,
                    window_seconds, published_at, deadline, at_risk_from, state, since, watched_since, changed_at)
                select r.id, r.product_key, r.domain_key, r.title, r.owner, r.declared, r.seconds, r.published,
                       r.published + r.seconds * interval '1 second', r.published, 'on_time', ?, ?, ?
                from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::bigint[], ?::varchar[]::timestamptz[])
                    as r(id, product_key, domain_key, title, owner, declared, seconds, published)
                on conflict (product_id) do nothing
                returning product_id, deadline
                """)) {
            OffsetDateTime at = time(now);
            insert.setObject(1, at);
            insert.setObject(2, at);
            insert.setObject(3, at);
            insert.setArray(4, array(connection, "bigint", batch, Promise::productId));
            insert.setArray(5, array(connection, "varchar", batch, Promise::key));
            insert.setArray(6, array(connection, "varchar", batch, Promise::domain));
            insert.setArray(7, array(connection, "varchar", batch, Promise::title));
            insert.setArray(8, array(connection, "varchar", batch, Promise::ownerEmail));
            insert.setArray(9, array(connection, "varchar", batch, Promise::declared));
            insert.setArray(
                    10,
                    array(
                            connection,
                            "bigint",
                            batch,
                            p -> windows.get(p.productId()).toSeconds()));
            insert.setArray(11, array(connection, "varchar", batch, p -> text(p.publishedAt())));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    started.add(new Move(
                            rows.getLong(1),
                            null,
                            FreshnessState.ON_TIME,
                            "watched",
                            now,
                            rows.getObject(2, OffsetDateTime.class).toInstant(),
                            null,
                            null));
                }
            }
        }
        return started;
    }

    /**
     * Marks unwatched the products of this stretch of ids (after {@code afterId}, up to the batch's last id, or to
     * the end on the last batch) that no longer declare a readable freshness or were retired; a product that
     * declares one again is watched again by the update that follows its claim.
     */
    private static void stopWatching(
            Connection connection, long afterId, Optional<Long> lastId, Long[] readable, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update freshness_state set unwatched_at = ?
                where product_id > ? and product_id <= ? and unwatched_at is null and product_id <> all(?)
                """)) {
            update.setObject(1, time(now));
            update.setLong(2, afterId);
            update.setLong(3, lastId.orElse(Long.MAX_VALUE));
            update.setArray(4, connection.createArrayOf("bigint", readable));
            update.executeUpdate();
        }
    }

    /** Marks unwatched these products (ids): the change feed named them and they no longer promise a freshness. */
    private static void stopWatching(Connection connection, Long[] productIds, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update freshness_state set unwatched_at = ? where product_id = any(?) and unwatched_at is null")) {
            update.setObject(1, time(now));
            update.setArray(2, connection.createArrayOf("bigint", productIds));
            update.executeUpdate();
        }
    }

    /** The state rows of these products that no other transaction holds, locked until this one ends. */
    private static List<Claimed> claim(Connection connection, Long[] ids) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        if (ids.length == 0) {
            return claimed;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select product_id, state, since from freshness_state
                where product_id = any(?)
                order by product_id
                for update skip locked
                """)) {
            select.setArray(1, connection.createArrayOf("bigint", ids));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(
                            rows.getLong(1),
                            FreshnessState.ofStored(rows.getString(2)),
                            rows.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return claimed;
    }

    /** Writes the claimed rows' current facts and states, in one statement. */
    private static void update(Connection connection, List<Object[]> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update freshness_state s set product_key = r.product_key, domain_key = r.domain_key,
                       title = r.title, owner_email = r.owner, declared = r.declared, window_seconds = r.seconds,
                       last_refreshed_at = r.refreshed, published_at = r.published, deadline = r.deadline,
                       at_risk_from = r.at_risk_from, state = r.state, since = r.since, changed_at = ?,
                       unwatched_at = null
                from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::bigint[], ?::varchar[]::timestamptz[], ?::varchar[]::timestamptz[],
                            ?::varchar[]::timestamptz[], ?::varchar[]::timestamptz[], ?::varchar[],
                            ?::varchar[]::timestamptz[])
                    as r(id, product_key, domain_key, title, owner, declared, seconds, refreshed, published,
                         deadline, at_risk_from, state, since)
                where s.product_id = r.id
                  -- a product whose facts did not change is not written again: no churn every minute. The at-risk
                  -- time is a fact too: a new row starts with its publication time there, and a product that
                  -- never reported keeps its deadline, so without it the row kept a passed at-risk time and
                  -- every due run looked at the product again.
                  and (s.product_key, s.domain_key, s.title, s.owner_email, s.declared, s.window_seconds,
                       s.last_refreshed_at, s.published_at, s.deadline, s.at_risk_from, s.state, s.since,
                       s.unwatched_at is null)
                      is distinct from (r.product_key, r.domain_key, r.title, r.owner, r.declared, r.seconds,
                       r.refreshed, r.published, r.deadline, r.at_risk_from, r.state, r.since, true)
                """)) {
            update.setObject(1, time(now));
            String[] types = {
                "bigint", "varchar", "varchar", "varchar", "varchar", "varchar", "bigint", "varchar", "varchar",
                "varchar", "varchar", "varchar", "varchar"
            };
            for (int column = 0; column < types.length; column++) {
                int c = column;
                update.setArray(
                        column + 2,
                        connection.createArrayOf(
                                types[column], rows.stream().map(r -> r[c]).toArray()));
            }
            update.executeUpdate();
        }
    }

    /** Inserts the history rows of the moves and the outbox rows of the alerted ones. */
    /**
     * The products this batch watches for the first time. Where the first look finds a product stands is recorded
     * but not alerted: a watch starting on a whole catalog (its rollout, here 97 000 products of which 97 000 were
     * late) would otherwise mail every owner at once about states nobody saw begin. The SLA page shows them; alerts
     * start with the next move.
     */
    private static Set<Long> firstLook(List<Move> moves) {
        Set<Long> first = new HashSet<>();
        for (Move move : moves) {
            if (move.kind().equals("watched")) {
                first.add(move.productId());
            }
        }
        return first;
    }

    private void record(Connection connection, List<Move> moves, Set<Long> firstLook, Instant now) throws SQLException {
        if (moves.isEmpty()) {
            return;
        }
        List<DeliveryRequest> alerts = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into freshness_transition (product_id, from_state, to_state, kind, at, noticed_at, deadline,
                    last_refreshed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                returning id
                """)) {
            for (Move move : moves) {
                insert.setLong(1, move.productId());
                insert.setString(2, move.from() == null ? null : move.from().stored);
                insert.setString(3, move.to().stored);
                insert.setString(4, move.kind());
                insert.setObject(5, time(move.at()));
                insert.setObject(6, time(now));
                insert.setObject(7, time(move.deadline()));
                insert.setObject(8, time(move.lastRefreshedAt()));
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    if (ALERTED.contains(move.kind()) && !firstLook.contains(move.productId())) {
                        for (Channel channel : List.of(Channel.EMAIL, Channel.INBOX)) {
                            alerts.add(new DeliveryRequest(
                                    TOPIC, id.getLong(1), OWNER, move.kind(), channel, move.ownerEmail(), now));
                        }
                    }
                }
            }
        }
        outbox.enqueue(alerts);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An instant as PostgreSQL reads it in a text array cast to {@code timestamptz[]} (ISO-8601, UTC). */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static <T> Array array(Connection connection, String type, List<T> rows, Function<T, Object> value)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(value).toArray());
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
