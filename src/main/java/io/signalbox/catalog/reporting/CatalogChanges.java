package io.signalbox.catalog.reporting;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The catalog's change feed ({@code catalog_change}, migrations/V25) for the derived data of every replica: which
 * products (or all products of which domain) changed, in commit-independent sequence order, each row written in the
 * transaction of its change ({@link io.signalbox.catalog.ProductChangeSignals}). A reader keeps its own position (a
 * sequence number) and asks for the rows after it; PostgreSQL's {@code LISTEN/NOTIFY} on channel
 * {@value #CHANNEL} wakes it early, as a hint only: the reader polls as well.
 *
 * <p>Sequence numbers are taken when a row is written, not when its transaction commits, so a row with a lower number
 * may become visible after one with a higher number, and a rolled-back transaction leaves a gap for good. Readers
 * therefore advance their position only past rows older than a grace period ({@link #settledPosition(Duration)}) and
 * apply the rows above it again as often as they see them (applying a change is idempotent).
 */
@ApplicationScoped
public class CatalogChanges {

    /** The notification channel of the feed (the trigger {@code catalog_change_notify}). */
    public static final String CHANNEL = "signalbox_catalog_change";

    private static final Logger LOG = Logger.getLogger(CatalogChanges.class);
    private static final Duration IDLE_CHECK = Duration.ofSeconds(10);

    /**
     * One row of the feed.
     *
     * @param seq the feed's sequence number
     * @param productId the product that changed, or null when all products of {@code domainKey} did
     * @param domainKey the domain whose products all changed, or null
     * @param changedAt when the row was written (the database's clock)
     */
    public record Change(long seq, Long productId, String domainKey, Instant changedAt) {}

    /**
     * Rows after a position, in sequence order, with the database's clock when they were read.
     *
     * @param changes at most the limit asked for
     * @param readAt the database's {@code clock_timestamp()} at the read
     * @param complete false when the limit cut the answer short (more rows follow)
     */
    public record Batch(List<Change> changes, Instant readAt, boolean complete) {}

    /**
     * What changed in a period: single products and whole domains.
     *
     * @param productIds the products named by rows of the period
     * @param domainKeys the domains whose products all changed in the period
     */
    public record Recent(Set<Long> productIds, Set<String> domainKeys) {}

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean stopped;
    private volatile Thread listener;
    private volatile Connection listening;

    /**
     * The rows after {@code position}, at most {@code limit}, in sequence order.
     *
     * @throws IllegalStateException when the database cannot be read (the cause is the {@link SQLException})
     */
    public Batch after(long position, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select now_.t, c.seq, c.product_id, c.domain_key, c.changed_at
                          from (select clock_timestamp() as t) now_
                          left join lateral (select seq, product_id, domain_key, changed_at from catalog_change
                                              where seq > ? order by seq limit ?) c on true
                         order by c.seq
                        """)) {
            query.setLong(1, position);
            query.setInt(2, limit);
            List<Change> changes = new ArrayList<>();
            Instant readAt = null;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    readAt = rows.getTimestamp(1).toInstant();
                    rows.getLong(2);
                    if (!rows.wasNull()) {
                        changes.add(change(rows, 2));
                    }
                }
            }
            return new Batch(changes, readAt, changes.size() < limit);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's change feed failed", e);
        }
    }

    /** How many rows have a sequence number in {@code (after, upto]}. */
    public long count(long after, long upto) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from catalog_change where seq > ? and seq <= ?")) {
            query.setLong(1, after);
            query.setLong(2, upto);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's change feed failed", e);
        }
    }

    /** The rows with a sequence number in {@code (after, upto]}, in order: a reader's window of unsettled rows. */
    public List<Change> between(long after, long upto) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select seq, product_id, domain_key, changed_at from catalog_change where seq > ? and seq <= ?"
                                + " order by seq")) {
            query.setLong(1, after);
            query.setLong(2, upto);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(change(rows, 1));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's change feed failed", e);
        }
    }

    /**
     * The highest sequence number among rows older than {@code grace} (0 when there are none): a position a reader may
     * keep once it has applied every row up to it, treating any gap below as a rolled-back transaction.
     */
    public long settledPosition(Duration grace) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select seq from catalog_change where changed_at < clock_timestamp() - ? * interval '1"
                                + " millisecond' order by changed_at desc, seq desc limit 1")) {
            query.setLong(1, grace.toMillis());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's change feed failed", e);
        }
    }

    /** The lowest sequence number still kept, if any row is: a position below it has missed pruned rows. */
    public OptionalLong oldestKept() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select min(seq) from catalog_change")) {
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long seq = rows.getLong(1);
                return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(seq);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's change feed failed", e);
        }
    }

    /**
     * The products and domains named by rows written within {@code lookback} of now (the database's clock) with a
     * sequence number up to {@code upto}: the rows a reader at that position may have passed over.
     */
    public Recent recentlyChanged(Duration lookback, long upto) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select distinct product_id, domain_key from catalog_change"
                                + " where changed_at >= clock_timestamp() - ? * interval '1 millisecond' and seq <= ?")) {
            query.setLong(1, lookback.toMillis());
            query.setLong(2, upto);
            Set<Long> products = new HashSet<>();
            Set<String> domains = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long product = rows.getLong(1);
                    if (!rows.wasNull()) {
                        products.add(product);
                    }
                    String domain = rows.getString(2);
                    if (domain != null) {
                        domains.add(domain);
                    }
                }
            }
            return new Recent(products, domains);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog's change feed failed", e);
        }
    }

    /**
     * Removes rows older than {@code retention} (the database's clock), at most 10 000 per call; safe from any number
     * of replicas at once.
     *
     * @return the rows removed
     */
    public int prune(Duration retention) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from catalog_change where seq in (select seq from catalog_change"
                                + " where changed_at < clock_timestamp() - ? * interval '1 millisecond'"
                                + " order by seq limit 10000)")) {
            delete.setLong(1, retention.toMillis());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("pruning the catalog's change feed failed", e);
        }
    }

    /** The row whose columns seq, product_id, domain_key, changed_at start at column {@code first}. */
    private static Change change(ResultSet rows, int first) throws SQLException {
        long seq = rows.getLong(first);
        long product = rows.getLong(first + 1);
        Long productId = rows.wasNull() ? null : product;
        return new Change(
                seq,
                productId,
                rows.getString(first + 2),
                rows.getTimestamp(first + 3).toInstant());
    }

    /**
     * Runs {@code hint} whenever PostgreSQL notifies a committed change, and once after each (re)connection, on a
     * thread of its own with a connection of its own (outside the pool: it stays open while listening). Without a
     * configured JDBC URL nothing listens and readers rely on polling. A lost connection is opened again after 1 s,
     * doubling up to 30 s. Calling it again does nothing.
     */
    public synchronized void listen(Runnable hint) {
        if (listener != null || jdbcUrl.isEmpty()) {
            return;
        }
        stopped = false;
        Thread thread = new Thread(() -> listenLoop(hint), "catalog-change-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops listening and closes the listening connection. */
    public synchronized void stop() {
        stopped = true;
        Thread thread = listener;
        listener = null;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listenLoop(Runnable hint) {
        long backoffMillis = 1_000;
        boolean warned = false;
        while (!stopped) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl.orElseThrow(), connectionProperties())) {
                listening = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (warned) {
                    LOG.info("Listening for catalog changes again");
                }
                backoffMillis = 1_000;
                warned = false;
                hint.run(); // whatever was committed while nobody listened
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications((int) IDLE_CHECK.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        hint.run();
                    } else {
                        // Quiet for a while: make sure the connection still exists (a vanished server says nothing).
                        try (Statement ping = connection.createStatement()) {
                            ping.execute("select 1");
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                if (!warned) {
                    LOG.warnf(
                            "Not listening for catalog changes (%s); polling only, trying again in %d ms",
                            e.toString(), backoffMillis);
                    warned = true;
                }
            } finally {
                listening = null;
            }
            try {
                Thread.sleep(backoffMillis); // backoff before the next connection attempt, not a wait for a result
            } catch (InterruptedException e) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 30_000);
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "signalbox catalog-change listener");
        return properties;
    }
}
