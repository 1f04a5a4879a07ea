package io.signalbox.freshness.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.notification.delivery.DeliveryWorker;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.SmtpTestResource;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The freshness watch (docs/freshness.md) against the real PostgreSQL and SMTP server, with the injected clock: the
 * moves on time → at risk → breached → recovered at their exact instants, their history, and exactly one alert per
 * transition, however often and however concurrently the watch runs.
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin"})
class FreshnessWatchTest {

    @Inject
    FreshnessWatch watch;

    @Inject
    DeliveryWorker worker;

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String owner() {
        return "freshness-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A product in a new domain promising a freshness of {@code declared}, owned by {@code owner}, published now. */
    private static Descriptors promising(String declared, String owner) {
        Descriptors product = Descriptors.product(Descriptors.newDomain())
                .ownerUsername(owner)
                .promisingFreshness(declared);
        product.publish().then().statusCode(201);
        return product;
    }

    @Test
    void atRiskBreachAndRecoveryAreRecordedAtTheirExactInstantsAndAlertedOnceEach() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        String owner = owner();
        // 4 hours, 20 % margin: at risk from 48 minutes before the deadline
        Descriptors product = promising("4 h", owner);
        watch.runOnce();
        product.reportRefreshed(t0);
        watch.runOnce();
        assertThat(state(product)).isEqualTo("on_time " + (t0.plus(Duration.ofHours(4))));

        clock.advance(Duration.ofHours(3).plusMinutes(11).plusSeconds(59));
        watch.runOnce();
        assertThat(state(product)).as("a second before the margin").startsWith("on_time ");

        clock.advance(Duration.ofMinutes(20));
        watch.runOnce();
        assertThat(state(product)).startsWith("at_risk ");
        deliver(owner, product, 1);
        assertThat(mailsTo(owner, product).get(0))
                .contains("promises a freshness of \"4 h\"")
                .contains(io.signalbox.web.Dates.utc(t0.plus(Duration.ofHours(4))))
                .contains("/products/" + product.key());

        clock.freeze(t0.plus(Duration.ofHours(4)));
        watch.runOnce();
        assertThat(state(product)).as("at the deadline itself, still at risk").startsWith("at_risk ");

        clock.advance(Duration.ofSeconds(1));
        watch.runOnce();
        watch.runOnce();
        assertThat(state(product)).startsWith("breached ");
        deliver(owner, product, 2);

        clock.freeze(t0.plus(Duration.ofHours(5)));
        product.reportRefreshed(t0.plus(Duration.ofMinutes(270)));
        watch.runOnce();
        watch.runOnce();
        assertThat(state(product)).isEqualTo("on_time " + t0.plus(Duration.ofMinutes(270 + 240)));
        deliver(owner, product, 3);

        assertThat(history(product))
                .containsExactly(
                        "watched null→on_time at " + t0 + " deadline " + t0.plus(Duration.ofHours(4)) + " refresh null",
                        "at_risk on_time→at_risk at " + t0.plus(Duration.ofMinutes(192)) + " deadline "
                                + t0.plus(Duration.ofHours(4)) + " refresh " + t0,
                        "breached at_risk→breached at " + t0.plus(Duration.ofHours(4)) + " deadline "
                                + t0.plus(Duration.ofHours(4)) + " refresh " + t0,
                        "recovered breached→on_time at " + t0.plus(Duration.ofMinutes(270)) + " deadline "
                                + t0.plus(Duration.ofMinutes(510)) + " refresh " + t0.plus(Duration.ofMinutes(270)));
        assertThat(deliveries(product))
                .containsExactlyInAnyOrder(
                        "at_risk email " + owner,
                        "at_risk inbox " + owner,
                        "breached email " + owner,
                        "breached inbox " + owner,
                        "recovered email " + owner,
                        "recovered inbox " + owner);
        List<String> mails = mailsTo(owner, product);
        assertThat(mails).hasSize(3);
        assertThat(subjectsTo(owner, product))
                .containsExactlyInAnyOrder(
                        "Freshness at risk: Service inventory " + slug(product) + " (" + product.key()
                                + ") is due for a refresh by "
                                + io.signalbox.web.Dates.utc(t0.plus(Duration.ofHours(4))),
                        "Freshness SLA breached: Service inventory " + slug(product) + " (" + product.key()
                                + ") missed its deadline " + io.signalbox.web.Dates.utc(t0.plus(Duration.ofHours(4))),
                        "Freshness recovered: Service inventory " + slug(product) + " (" + product.key()
                                + ") is fresh again");
    }

    @Test
    void aProductFirstSeenLateIsBreachedFromWhenTheWatchBeganNotBefore() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        String owner = owner();
        Descriptors product = promising("1 h", owner);
        product.reportRefreshed(t0.minus(Duration.ofHours(3)));
        watch.runOnce();
        assertThat(history(product))
                .containsExactly(
                        "watched null→on_time at " + t0 + " deadline " + t0.plus(Duration.ofHours(1)) + " refresh null",
                        "breached on_time→breached at " + t0 + " deadline " + t0.minus(Duration.ofHours(2))
                                + " refresh " + t0.minus(Duration.ofHours(3)));
        // The first look records where the product stands without alerting (a watch starting on a whole catalog
        // would mail every owner at once); the next move is alerted.
        assertThat(deliveries(product)).isEmpty();
        product.reportRefreshed(t0);
        clock.advance(Duration.ofMinutes(1));
        watch.runOnce();
        assertThat(deliveries(product))
                .containsExactlyInAnyOrder("recovered email " + owner, "recovered inbox " + owner);
    }

    /**
     * The runs between the hourly walks (the timer's usual run) look only at what time or a new measurement can have
     * moved, and move it as the walk would: at risk and breached by the clock, recovered by the measurement.
     */
    @Test
    void dueRunsMoveWhatTheClockOrANewMeasurementMoved() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        String owner = owner();
        // 1 hour, 20 % margin: at risk from 48 minutes after the refresh
        Descriptors product = promising("1 h", owner);
        product.reportRefreshed(t0);
        watch.runOnce(); // the walk starts watching it
        watch.runDue(); // whatever other tests measured is behind us

        clock.advance(Duration.ofMinutes(50));
        watch.runDue();
        assertThat(history(product)).last().asString().startsWith("at_risk on_time→at_risk");

        clock.advance(Duration.ofMinutes(15));
        watch.runDue();
        assertThat(history(product)).last().asString().startsWith("breached at_risk→breached");

        product.reportRefreshed(clock.instant());
        FreshnessWatch.Run recovered = watch.runDue();
        assertThat(recovered.of("recovered")).isGreaterThanOrEqualTo(1);
        assertThat(history(product)).last().asString().startsWith("recovered breached→on_time");
        assertThat(deliveries(product))
                .containsExactlyInAnyOrder(
                        "at_risk email " + owner,
                        "at_risk inbox " + owner,
                        "breached email " + owner,
                        "breached inbox " + owner,
                        "recovered email " + owner,
                        "recovered inbox " + owner);

        assertThat(watch.runDue().of("recovered"))
                .as("nothing new: nothing moves")
                .isZero();
    }

    @Test
    void twoRunsAtOnceMakeOneTransitionAndSendOneAlert() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        String owner = owner();
        Descriptors product = promising("1 h", owner);
        product.reportRefreshed(t0);
        watch.runOnce();
        clock.advance(Duration.ofHours(2));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<FreshnessWatch.Run>> runs = List.of(watch::runOnce, watch::runOnce);
            for (Future<FreshnessWatch.Run> run : pool.invokeAll(runs)) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(history(product)).hasSize(2).last().asString().startsWith("breached on_time→breached");
        assertThat(deliveries(product)).containsExactlyInAnyOrder("breached email " + owner, "breached inbox " + owner);
        deliver(owner, product, 1);
    }

    @Test
    void aProductWhoseFreshnessCanNoLongerBeReadIsNoLongerWatched() {
        String owner = owner();
        Descriptors product = promising("2 h", owner);
        watch.runOnce();
        assertThat(unwatched(product)).isFalse();
        product.version("1.1.0")
                .promisingFreshness("as soon as possible")
                .publish()
                .then()
                .statusCode(201);
        watch.runOnce();
        assertThat(unwatched(product)).isTrue();
        product.version("1.2.0").promisingFreshness("2 h").publish().then().statusCode(201);
        watch.runOnce();
        assertThat(unwatched(product)).isFalse();
    }

    @Test
    void dueRunsWatchNewAndChangedPromisesFromTheCatalogChangeFeed() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        watch.runDue(); // whatever other tests published is behind us
        String owner = owner();
        Descriptors product = promising("2 h", owner);
        watch.runDue();
        assertThat(state(product))
                .as("watched from the first due run after its publication, not from the hourly walk")
                .isEqualTo("on_time " + t0.plus(Duration.ofHours(2)));

        clock.advance(Duration.ofMinutes(10));
        product.version("1.1.0").promisingFreshness("6 h").publish().then().statusCode(201);
        watch.runDue();
        assertThat(state(product))
                .as("re-dated by the new version's promise")
                .isEqualTo("on_time " + t0.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(6)));

        product.version("1.2.0")
                .promisingFreshness("as soon as possible")
                .publish()
                .then()
                .statusCode(201);
        watch.runDue();
        assertThat(unwatched(product))
                .as("a promise that cannot be read is no longer watched")
                .isTrue();
        assertThat(deliveries(product)).as("nothing was late: no alert").isEmpty();
    }

    @Test
    void aPromiseChangeCommittedAfterALaterFeedRowIsStillSeenByTheDueRuns() throws SQLException {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        String owner = owner();
        Descriptors early = promising("2 h", owner);
        Descriptors later = promising("2 h", owner);
        watch.runDue();
        assertThat(state(early)).isEqualTo("on_time " + t0.plus(Duration.ofHours(2)));

        try (Connection slow = dataSource.getConnection();
                Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            quick.setAutoCommit(false);
            promiseAsAnotherWriter(slow, early.key(), "6 h"); // takes the lower sequence number
            promiseAsAnotherWriter(quick, later.key(), "6 h");
            quick.commit();
            watch.runDue();
            assertThat(state(later)).isEqualTo("on_time " + t0.plus(Duration.ofHours(6)));
            assertThat(state(early)).as("not committed yet").isEqualTo("on_time " + t0.plus(Duration.ofHours(2)));
            slow.commit();
        }
        watch.runDue();
        assertThat(state(early))
                .as("committed after a later row the due runs had read: read again within the grace")
                .isEqualTo("on_time " + t0.plus(Duration.ofHours(6)));
    }

    @Test
    void aProductThatNeverReportedIsAtRiskOnlyInTheLastFifthOfItsWindow() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freeze(t0);
        Descriptors product = promising("2 h", owner());
        watch.runOnce();
        // A new row starts with its publication time as the at-risk time; the first look must write the real one, or
        // the due runs would find the product due every minute.
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> instant(
                                em.createNativeQuery("select at_risk_from from freshness_state where product_key = :k")
                                        .setParameter("k", product.key())
                                        .getSingleResult())))
                .isEqualTo(t0.plus(Duration.ofMinutes(96)));
    }

    /** A change of the product's promised freshness as a writer outside this portal makes it, with its feed row. */
    private static void promiseAsAnotherWriter(Connection db, String productKey, String declared) throws SQLException {
        try (PreparedStatement version = db.prepareStatement("update product_version set sla_freshness = ? where id ="
                        + " (select current_version_id from data_product where key = ?)");
                PreparedStatement feed = db.prepareStatement(
                        "insert into catalog_change (product_id) select id from data_product where key = ?")) {
            version.setString(1, declared);
            version.setString(2, productKey);
            assertThat(version.executeUpdate()).isEqualTo(1);
            feed.setString(1, productKey);
            assertThat(feed.executeUpdate()).isEqualTo(1);
        }
    }

    private static String slug(Descriptors product) {
        return product.key().substring(product.key().indexOf('.') + 1);
    }

    /** Sends what is due until {@code count} alerts about {@code product} reached {@code owner}. */
    private void deliver(String owner, Descriptors product, int count) {
        // A send the shared SMTP server leaves unanswered is retried after the first backoff (30 s with jitter).
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    worker.runOnce();
                    assertThat(mailsTo(owner, product)).hasSize(count);
                });
    }

    /** "state deadline" of the product's row. */
    private String state(Descriptors product) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[])
                    em.createNativeQuery("select state, deadline from freshness_state where product_key = :k")
                            .setParameter("k", product.key())
                            .getSingleResult();
            return row[0] + " " + instant(row[1]);
        });
    }

    private boolean unwatched(Descriptors product) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean)
                em.createNativeQuery("select unwatched_at is not null from freshness_state where product_key = :k")
                        .setParameter("k", product.key())
                        .getSingleResult());
    }

    /** The product's history rows, oldest first. */
    private List<String> history(Descriptors product) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery("""
                            select t.kind, t.from_state, t.to_state, t.at, t.deadline, t.last_refreshed_at
                            from freshness_transition t join freshness_state s on s.product_id = t.product_id
                            where s.product_key = :k order by t.id
                            """).setParameter("k", product.key()).getResultList();
            return rows.stream()
                    .map(r -> r[0] + " " + r[1] + "→" + r[2] + " at " + instant(r[3]) + " deadline " + instant(r[4])
                            + " refresh " + instant(r[5]))
                    .toList();
        });
    }

    /** "milestone channel target" of each outbox row of the product's transitions. */
    private List<String> deliveries(Descriptors product) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select d.milestone || ' ' || d.channel || ' ' || d.target from notification_delivery d
                                join freshness_transition t on t.id = d.group_id
                                join freshness_state s on s.product_id = t.product_id
                                where d.topic = 'freshness' and s.product_key = :k
                                """, String.class)
                        .setParameter("k", product.key())
                        .getResultList());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant time) {
            return time;
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static List<MimeMessage> messagesTo(String address, Descriptors product) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SmtpTestResource.greenMail().getReceivedMessages()) {
            try {
                boolean addressed = message.getAllRecipients() != null
                        && Arrays.stream(message.getAllRecipients())
                                .map(Address::toString)
                                .anyMatch(a -> a.equalsIgnoreCase(address));
                if (addressed && message.getSubject().contains(product.key())) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static List<String> mailsTo(String address, Descriptors product) {
        return messagesTo(address, product).stream()
                .map(m -> {
                    try {
                        return String.valueOf(m.getContent());
                    } catch (MessagingException | java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static List<String> subjectsTo(String address, Descriptors product) {
        return messagesTo(address, product).stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
