package io.signalbox.readiness.watch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.signalbox.catalog.map.UndeclaredReads;
import io.signalbox.notification.Channel;
import io.signalbox.notification.DeliveryRequest;
import io.signalbox.notification.Outbox;
import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Reports each undeclared read to the owners of both products, exactly once, in one digest per owner per run
 * (docs/mesh-watch.md). A run first resolves the open reports whose read is no longer undeclared, then walks the
 * undeclared reads a page at a time and, per page in one transaction, inserts one {@code watch_undeclared_read} row
 * per new read ({@code on conflict do nothing} on the open (reading, read) pair). Then, per owner with open reports
 * that have not told them yet, one transaction makes a {@code watch_report_digest}, marks those reports' side as told
 * by it and writes the digest's outbox rows. Two runs at once (threads or portal instances) therefore report a read
 * once: the second insert waits for the first and writes nothing, and the second digest of an owner finds their
 * reports marked, writes nothing and is removed. A read that was declared (or dropped) and becomes undeclared again is
 * a new report.
 */
@ApplicationScoped
public class UndeclaredReadReports {

    private static final Logger LOG = Logger.getLogger(UndeclaredReadReports.class);

    /** The notification topic of the reports. */
    public static final String TOPIC = "mesh-watch";

    /** The milestone of a digest's deliveries (V22's per-read deliveries, milestone "reported", are no more). */
    static final String DIGEST = "digest";

    /** The recipient key of a digest's deliveries: a digest has one recipient, its owner. */
    static final long OWNER = 1;

    private static final int BATCH = 500;

    /** How many owners one statement of the digest step names. */
    private static final int OWNERS = 100;

    @Inject
    UndeclaredReads reads;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * What one run did: reads newly reported, open reports resolved, and digests written (one per owner told of at
     * least one new read).
     */
    public record Run(int reported, int resolved, int digests) {}

    /** A digest: the owner it tells and when the run made it. */
    public record Digest(long id, String ownerEmail, Instant createdAt) {}

    /** One report as stored. */
    public record Report(
            long id,
            String readingKey,
            String readingTitle,
            String readingDomain,
            String readingOwner,
            String readKey,
            String readTitle,
            String readDomain,
            String readOwner,
            Instant reportedAt,
            Instant resolvedAt) {}

    @Scheduled(
            identity = "mesh-watch-undeclared-reads",
            every = "${signalbox.watch.report-interval}",
            delayed = "${signalbox.watch.report-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            Run run = runOnce();
            if (run.reported() > 0 || run.resolved() > 0 || run.digests() > 0) {
                LOG.infof(
                        "Undeclared reads: %d newly reported, %d resolved, %d digests sent to owners",
                        run.reported(), run.resolved(), run.digests());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not report undeclared reads; trying again at the next tick: %s", e.getMessage());
        }
    }

    /**
     * Resolves what is no longer undeclared, records every undeclared read not reported yet, then sends each owner one
     * digest of the open reports that have not told them yet.
     */
    public Run runOnce() {
        int resolved = 0;
        long afterId = 0;
        while (true) {
            long from = afterId;
            List<Report> open = QuarkusTransaction.requiringNew().call(() -> openAfter(from));
            if (open.isEmpty()) {
                break;
            }
            resolved += QuarkusTransaction.requiringNew().call(() -> resolveGone(open));
            afterId = open.get(open.size() - 1).id();
            if (open.size() < BATCH) {
                break;
            }
        }
        int reported = 0;
        List<String> after = List.of();
        while (true) {
            PageRequest page = new PageRequest(after, BATCH);
            Stretch stretch = QuarkusTransaction.requiringNew().call(() -> reportPage(page));
            reported += stretch.reported();
            if (stretch.next().isEmpty()) {
                break;
            }
            after = stretch.next();
        }
        int digests = 0;
        while (true) {
            List<String> owners = QuarkusTransaction.requiringNew().call(this::untoldOwners);
            for (String owner : owners) {
                if (QuarkusTransaction.requiringNew().call(() -> digestFor(owner))) {
                    digests++;
                }
            }
            if (owners.size() < OWNERS) {
                break;
            }
        }
        return new Run(reported, resolved, digests);
    }

    /** Up to {@value #OWNERS} owners with open reports that have not told them yet (two partial indexes, V27). */
    private List<String> untoldOwners() {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select owner from (
                        (select distinct reading_owner_email as owner from watch_undeclared_read
                          where reading_digest_id is null and resolved_at is null)
                        union
                        (select distinct read_owner_email from watch_undeclared_read
                          where read_digest_id is null and resolved_at is null)) o
                    order by owner limit ?""")) {
                select.setInt(1, OWNERS);
                List<String> owners = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        owners.add(rows.getString(1));
                    }
                }
                return owners;
            }
        });
    }

    /**
     * In the caller's transaction: a digest for {@code owner} of their open reports not told yet, their outbox rows
     * (email and inbox), and true; or nothing and false when another run told them first. Digests are written one at
     * a time across runs and replicas (a transaction-scoped advisory lock): two owners' digests lock the same reports
     * when each owns one side of a read, and would otherwise deadlock. A second run at the same time waits, then finds
     * the reports told.
     */
    private boolean digestFor(String owner) {
        Instant now = clock.instant();
        work(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext('signalbox mesh-watch digests'))")) {
                lock.executeQuery().close();
            }
            return null;
        });
        long digest = work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into watch_report_digest (owner_email, created_at) values (?, ?) returning id")) {
                insert.setString(1, owner);
                insert.setObject(2, now.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        int told = work(connection -> {
            int marked = 0;
            for (String side : List.of("reading", "read")) {
                try (PreparedStatement update = connection.prepareStatement("update watch_undeclared_read set "
                        + side + "_digest_id = ? where " + side + "_owner_email = ? and " + side
                        + "_digest_id is null and resolved_at is null")) {
                    update.setLong(1, digest);
                    update.setString(2, owner);
                    marked += update.executeUpdate();
                }
            }
            if (marked == 0) {
                try (PreparedStatement delete =
                        connection.prepareStatement("delete from watch_report_digest where id = ?")) {
                    delete.setLong(1, digest);
                    delete.executeUpdate();
                }
            }
            return marked;
        });
        if (told == 0) {
            return false;
        }
        outbox.enqueue(List.of(
                new DeliveryRequest(TOPIC, digest, OWNER, DIGEST, Channel.EMAIL, owner, now),
                new DeliveryRequest(TOPIC, digest, OWNER, DIGEST, Channel.INBOX, owner, now)));
        return true;
    }

    /** A digest by id; empty when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Digest> digest(long id) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, owner_email, created_at from watch_report_digest where id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Digest(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getTimestamp(3).toInstant()))
                            : Optional.<Digest>empty();
                }
            }
        });
    }

    /**
     * The open reports a digest told of on one side, at most {@code limit} (by reading then read product key), and how
     * many there are in all.
     *
     * @param asReader the reports whose reading product the digest's owner owns; otherwise those whose read product
     *     they own
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Told toldBy(long digest, boolean asReader, int limit) {
        String side = asReader ? "reading" : "read";
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + REPORT_COLUMNS
                    + ", count(*) over () as total from watch_undeclared_read where " + side
                    + "_digest_id = ? and resolved_at is null"
                    + " order by reading_product_key, read_product_key limit ?")) {
                select.setLong(1, digest);
                select.setInt(2, limit);
                List<Report> listed = new ArrayList<>();
                long total = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        listed.add(report(rows));
                        total = rows.getLong(12);
                    }
                }
                return new Told(total, listed);
            }
        });
    }

    /** The first reports of one side of a digest, and how many there are. */
    public record Told(long total, List<Report> reports) {}

    /** The open reports of the given (reading key, read key) pairs, with when each was reported. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<List<String>, Instant> openReports(Collection<List<String>> pairs) {
        Map<List<String>, Instant> answer = new HashMap<>();
        if (pairs.isEmpty()) {
            return answer;
        }
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select w.reading_product_key, w.read_product_key, w.reported_at
                    from unnest(?::varchar[], ?::varchar[]) as x(reading, read)
                    join watch_undeclared_read w
                      on w.reading_product_key = x.reading and w.read_product_key = x.read and w.resolved_at is null
                    """)) {
                select.setArray(
                        1,
                        connection.createArrayOf(
                                "varchar", pairs.stream().map(p -> p.get(0)).toArray()));
                select.setArray(
                        2,
                        connection.createArrayOf(
                                "varchar", pairs.stream().map(p -> p.get(1)).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        answer.put(
                                List.of(rows.getString(1), rows.getString(2)),
                                rows.getTimestamp(3).toInstant());
                    }
                }
            }
            return answer;
        });
    }

    private static final String REPORT_COLUMNS = "id, reading_product_key, reading_title, reading_domain_key,"
            + " reading_owner_email, read_product_key, read_title, read_domain_key, read_owner_email, reported_at,"
            + " resolved_at";

    private static final String SELECT_REPORT = "select " + REPORT_COLUMNS + " from watch_undeclared_read";

    /** What one page of the report walk did, and where the walk goes on (empty: done). */
    private record Stretch(int reported, List<String> next) {}

    private Stretch reportPage(PageRequest page) {
        List<UndeclaredReads.Read> found = reads.page(Optional.empty(), page);
        boolean more = found.size() > page.size();
        List<UndeclaredReads.Read> batch = more ? found.subList(0, page.size()) : found;
        List<Report> inserted = insertNew(batch);
        return new Stretch(inserted.size(), more ? UndeclaredReads.sortKey(batch.get(batch.size() - 1)) : List.of());
    }

    /** Inserts a report for each read without an open one; returns the rows this transaction inserted. */
    private List<Report> insertNew(List<UndeclaredReads.Read> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into watch_undeclared_read (reading_product_key, reading_title, reading_domain_key,
                        reading_owner_email, read_product_key, read_title, read_domain_key, read_owner_email,
                        reported_at)
                    select r.*, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                              ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                        as r(a, b, c, d, e, f, g, h)
                    on conflict (reading_product_key, read_product_key) where resolved_at is null do nothing
                    returning id, reading_product_key, reading_title, reading_domain_key, reading_owner_email,
                              read_product_key, read_title, read_domain_key, read_owner_email, reported_at,
                              resolved_at
                    """)) {
                insert.setObject(1, now.atOffset(ZoneOffset.UTC));
                insert.setArray(2, column(connection, batch, r -> r.reading().key()));
                insert.setArray(3, column(connection, batch, r -> r.reading().title()));
                insert.setArray(4, column(connection, batch, r -> r.reading().domain()));
                insert.setArray(
                        5, column(connection, batch, r -> lower(r.reading().ownerEmail())));
                insert.setArray(6, column(connection, batch, r -> r.read().key()));
                insert.setArray(7, column(connection, batch, r -> r.read().title()));
                insert.setArray(8, column(connection, batch, r -> r.read().domain()));
                insert.setArray(9, column(connection, batch, r -> lower(r.read().ownerEmail())));
                List<Report> inserted = new ArrayList<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(report(rows));
                    }
                }
                return inserted;
            }
        });
    }

    private List<Report> openAfter(long afterId) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT_REPORT + " where resolved_at is null and id > ? order by id limit " + BATCH)) {
                select.setLong(1, afterId);
                List<Report> open = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        open.add(report(rows));
                    }
                }
                return open;
            }
        });
    }

    /** Marks resolved the open reports whose read is no longer undeclared; returns how many. */
    private int resolveGone(List<Report> open) {
        Set<List<String>> still = reads.stillUndeclared(
                open.stream().map(r -> List.of(r.readingKey(), r.readKey())).toList());
        Long[] gone = open.stream()
                .filter(r -> !still.contains(List.of(r.readingKey(), r.readKey())))
                .map(Report::id)
                .toArray(Long[]::new);
        if (gone.length == 0) {
            return 0;
        }
        Instant now = clock.instant();
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update watch_undeclared_read set resolved_at = ? where id = any(?) and resolved_at is null")) {
                update.setObject(1, now.atOffset(ZoneOffset.UTC));
                update.setArray(2, connection.createArrayOf("bigint", gone));
                return update.executeUpdate();
            }
        });
    }

    private static java.sql.Array column(
            java.sql.Connection connection,
            List<UndeclaredReads.Read> batch,
            java.util.function.Function<UndeclaredReads.Read, String> value)
            throws java.sql.SQLException {
        return connection.createArrayOf("varchar", batch.stream().map(value).toArray());
    }

    private static String lower(String email) {
        return email.toLowerCase(java.util.Locale.ROOT);
    }

    private static Report report(ResultSet rows) throws java.sql.SQLException {
        java.sql.Timestamp resolved = rows.getTimestamp(11);
        return new Report(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                rows.getTimestamp(10).toInstant(),
                resolved == null ? null : resolved.toInstant());
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
