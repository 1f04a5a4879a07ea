package io.signalbox.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.notification.delivery.DeliveryWorker;
import io.signalbox.readiness.heatmap.StaleReminders;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.SmtpTestResource;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stale-assessment reminders (docs/readiness-council.md): the owners of a domain whose latest submitted assessment is
 * older than the period are reminded exactly once per stale assessment, however often and however concurrently the
 * job runs, by real mail through the outbox; a new submission starts a new cycle.
 */
@QuarkusTest
class StaleRemindersTest {

    @Inject
    StaleReminders reminders;

    @Inject
    DeliveryWorker worker;

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    String domain;
    String boss;
    String tech;
    String grantee;

    @BeforeEach
    void aDomainWithAStaleAssessment() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        long n = System.nanoTime();
        boss = "boss-" + n + "@example.com";
        tech = "tech-" + n + "@example.com";
        grantee = "owner-" + n + "@example.com";
        // The business owner written with a name and capitals; a grant by username (no address) reaches no one here.
        domain = ReadinessFixtures.domain(
                admin, null, "Big Boss <" + boss.toUpperCase() + ">", tech, grantee, "nora.network");
        ReadinessFixtures.submission(domain, clock.instant().minus(Duration.ofDays(95)))
                .submit();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOwnersAreRemindedOnceWhateverHowOftenAndHowConcurrentlyTheJobRuns() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return reminders.runOnce();
            }));
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        reminders.runOnce();

        assertThat(count("select count(*) from readiness_reminder where domain_key = ?"))
                .isEqualTo(1);
        assertThat(deliveryTargets())
                .containsExactlyInAnyOrder(
                        "email " + boss,
                        "inbox " + boss,
                        "email " + tech,
                        "inbox " + tech,
                        "email " + grantee,
                        "inbox " + grantee);

        // Two minutes: a send that fails (the SMTP server is shared with tests that take it down) is retried
        // after
        // the first backoff (30 s with jitter), and this run's worker shares its batches with other tests' reminders.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    worker.runOnce();
                    assertThat(mailsTo(boss)).hasSize(1);
                    assertThat(mailsTo(tech)).hasSize(1);
                    assertThat(mailsTo(grantee)).hasSize(1);
                });
        MimeMessage mail = mailsTo(grantee).get(0);
        assertThat(mail.getSubject()).contains(domain).contains("stale");
        assertThat(String.valueOf(mail.getContent()))
                .contains("95 days ago")
                .contains("/domains/" + domain + "/readiness");
        worker.runOnce();
        reminders.runOnce();
        worker.runOnce();
        assertThat(mailsTo(boss)).as("still one").hasSize(1);
    }

    @Test
    void aNewSubmissionStartsANewCycleAndCancelsTheRemindersNotSentYet() throws Exception {
        reminders.runOnce();
        assertThat(count("select count(*) from readiness_reminder where domain_key = ?"))
                .isEqualTo(1);
        ReadinessFixtures.submission(domain, clock.instant().minus(Duration.ofDays(1)))
                .submit();
        reminders.runOnce();
        assertThat(count("select count(*) from readiness_reminder where domain_key = ?"))
                .as("the fresh submission is not stale")
                .isEqualTo(1);
        // Two minutes: a send that fails (the SMTP server is shared with tests that take it down) is retried
        // after
        // the first backoff (30 s with jitter), and this run's worker shares its batches with other tests' reminders.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    worker.runOnce();
                    assertThat(deliveryStates()).containsOnly("cancelled");
                });
        assertThat(mailsTo(boss))
                .as("the domain was no longer stale when the worker came")
                .isEmpty();

        clock.advance(Duration.ofDays(90));
        reminders.runOnce();
        reminders.runOnce();
        assertThat(count("select count(*) from readiness_reminder where domain_key = ?"))
                .as("the new submission went stale in its turn")
                .isEqualTo(2);
        // Two minutes: a send that fails (the SMTP server is shared with tests that take it down) is retried
        // after
        // the first backoff (30 s with jitter), and this run's worker shares its batches with other tests' reminders.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    worker.runOnce();
                    assertThat(mailsTo(tech)).hasSize(1);
                });
    }

    // ---- helpers ----

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, domain);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<String> deliveryTargets() throws SQLException {
        return strings("select d.channel || ' ' || d.target from notification_delivery d"
                + " join readiness_reminder r on r.id = d.group_id where d.topic = 'readiness' and r.domain_key = ?");
    }

    private List<String> deliveryStates() throws SQLException {
        return strings("select d.state from notification_delivery d"
                + " join readiness_reminder r on r.id = d.group_id where d.topic = 'readiness' and r.domain_key = ?");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, domain);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private List<MimeMessage> mailsTo(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SmtpTestResource.greenMail().getReceivedMessages()) {
            if (message.getAllRecipients() != null
                    && Arrays.stream(message.getAllRecipients())
                            .map(Address::toString)
                            .anyMatch(a -> a.equalsIgnoreCase(address))
                    && message.getSubject() != null
                    && message.getSubject().contains(domain)) {
                found.add(message);
            }
        }
        return found;
    }
}
