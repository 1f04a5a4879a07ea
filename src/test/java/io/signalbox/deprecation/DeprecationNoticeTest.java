package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.signalbox.deprecation.notice.SunsetJob;
import io.signalbox.notification.delivery.DeliveryWorker;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Mailbox;
import io.signalbox.testing.SmtpTestResource;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deprecation notices end to end against the real PostgreSQL, Keycloak and SMTP server: the 90-day boundary to the
 * minute, every recipient's milestones exactly once across 95 days of the injected clock, extension, shortening,
 * rescission, retirement once, and late joiners.
 */
@QuarkusTest
class DeprecationNoticeTest {

    /** A declared consumer's contact, new for each test (not a demo user, whose inbox other tests read). */
    String consumer;

    static final String CARLA = "carla.council@telco.example";

    @Inject
    AdjustableClock clock;

    @Inject
    DeliveryWorker worker;

    @Inject
    SunsetJob sunsets;

    @Inject
    DataSource database;

    String admin;
    String nora;
    String owner;
    String downstreamOwner;
    Descriptors product;

    @BeforeEach
    void publish() {
        admin = Tokens.accessToken("adam.admin", "admin");
        nora = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        owner = "owner-" + System.nanoTime() + "@example.com";
        consumer = "consumer-" + System.nanoTime() + "@example.com";
        product = Descriptors.product(domain)
                .ownerUsername(owner)
                .withoutConsumers()
                .consumer("Revenue reporting", "billing", "Monthly revenue", consumer)
                .consumer("Network operations centre", "network", "Dashboards", "#noc-channel");
        product.publishWithToken(nora).then().statusCode(201);
        String other = Descriptors.newDomainWithToken(admin, "nora.network");
        downstreamOwner = "reader-" + System.nanoTime() + "@example.com";
        Descriptors.product(other)
                .ownerUsername(downstreamOwner)
                .readsFrom(product.key())
                .publishWithToken(nora)
                .then()
                .statusCode(201);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSunsetOneMinuteShortOfNinetyDaysIsRefusedAndNinetyDaysIsAccepted() {
        LocalDate sunset = LocalDate.of(2027, 3, 1);
        Instant sunsetAt = sunset.atStartOfDay(ZoneOffset.UTC).toInstant();
        clock.freeze(sunsetAt.minus(Duration.ofDays(89).plusHours(23).plusMinutes(59)));

        issue(nora, sunset)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("sunset"))
                .body("errors.find { it.field == 'sunset' }.message", containsString("2027-03-02"))
                .body("errors.find { it.field == 'sunset' }.message", containsString("90 days"));
        given().auth().oauth2(nora).get(noticePath()).then().statusCode(404);

        clock.freeze(sunsetAt.minus(Duration.ofDays(90)));
        issue(nora, sunset)
                .then()
                .statusCode(201)
                .body("sunset", equalTo("2027-03-01"))
                .body("state", equalTo("active"))
                .body("daysLeft", equalTo(90));
    }

    @Test
    void everyRecipientGetsIssuedThreeRemindersAndTheSunsetExactlyOnceAndTheProductRetiresOnce() {
        given().auth()
                .oauth2(Tokens.accessToken("carla.council", "council"))
                .contentType("application/json")
                .body("{\"channels\": [\"email\"]}")
                .post("/api/products/" + product.key() + "/subscription")
                .then()
                .statusCode(201);
        Instant start = Instant.parse("2027-01-10T09:00:00Z");
        clock.freeze(start);
        LocalDate sunset = LocalDate.of(2027, 4, 15); // 94 days and 15 hours later
        issue(nora, sunset).then().statusCode(201).body("recipientCount", equalTo(4));

        deliverEverythingDue();
        List<String> people = List.of(consumer, CARLA, downstreamOwner);
        for (String person : people) {
            assertThat(Mailbox.kinds(person, product.key())).as(person).containsExactly("Deprecation:");
        }
        assertThat(Mailbox.kinds(owner, product.key())).containsExactly("Deprecation:");
        Instant sunsetAt = sunset.atStartOfDay(ZoneOffset.UTC).toInstant();

        // Day by day across the whole notice and five days beyond: each milestone arrives once, on its day.
        for (Instant now = start; now.isBefore(sunsetAt.plus(Duration.ofDays(5))); now = now.plus(Duration.ofDays(1))) {
            clock.freeze(now);
            deliverEverythingDue();
            sunsets.runOnce();
        }
        for (String person : people) {
            assertThat(Mailbox.kinds(person, product.key()))
                    .as(person)
                    .containsExactly("Deprecation:", "Reminder:", "Reminder:", "Reminder:", "Retired:");
        }
        assertThat(Mailbox.to(consumer, product.key()).get(1).subject()).contains("in 30 days");
        assertThat(Mailbox.to(consumer, product.key()).get(3).subject()).contains("in 1 day,");
        // The owner: the issue, a digest of who has not acknowledged before each reminder, and the sunset.
        assertThat(Mailbox.kinds(owner, product.key()))
                .containsExactly("Deprecation:", "Unacknowledged:", "Unacknowledged:", "Unacknowledged:", "Retired:");
        assertThat(Mailbox.to(owner, product.key()).get(1).body()).contains("Revenue reporting");

        given().auth()
                .oauth2(nora)
                .get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("status", equalTo("retired"));
        given().auth().oauth2(nora).get(noticePath()).then().body("state", equalTo("retired"));
        sunsets.runOnce();
        assertThat(retirements()).as("retired exactly once").isEqualTo(1);
    }

    @Test
    void theNoticeReachesTheOwnerConsumersReadersAndRecordsTheUnreachable() {
        clock.freeze(Instant.parse("2027-01-10T09:00:00Z"));
        issue(nora, LocalDate.of(2027, 6, 1)).then().statusCode(201).body("recipientCount", equalTo(3));
        Response recipients = given().auth().oauth2(nora).get(noticePath() + "/recipients");
        recipients.then().statusCode(200);
        List<Map<String, Object>> items = recipients.jsonPath().getList("items");
        assertThat(items)
                .extracting(r -> r.get("kind") + " " + r.get("address"))
                .containsExactlyInAnyOrder(
                        "owner " + owner,
                        "declared-consumer " + consumer,
                        "declared-consumer null",
                        "downstream-owner " + downstreamOwner);
        assertThat(items)
                .filteredOn(r -> r.get("address") == null)
                .extracting(r -> (String) r.get("displayName"))
                .containsExactly("Network operations centre (network), contact #noc-channel");
    }

    @Test
    void shorteningIsRefusedAndAnExtensionIsDeliveredAndMovesTheReminders() {
        clock.freeze(Instant.parse("2027-01-10T09:00:00Z"));
        issue(nora, LocalDate.of(2027, 5, 1)).then().statusCode(201);
        deliverEverythingDue();

        extend(nora, "2027-04-30")
                .then()
                .statusCode(422)
                .body("errors.find { it.field == 'sunset' }.message", containsString("2027-05-01"));
        extend(nora, "2027-06-01").then().statusCode(200).body("sunset", equalTo("2027-06-01"));
        deliverEverythingDue();
        assertThat(Mailbox.kinds(consumer, product.key())).containsExactly("Deprecation:", "Extended:");
        assertThat(Mailbox.to(consumer, product.key()).get(1).subject()).contains("1 June 2027");

        Response log = given().auth().oauth2(nora).queryParam("size", 200).get(noticePath() + "/deliveries");
        List<Map<String, Object>> rows = log.jsonPath().getList("items");
        assertThat(rows)
                .filteredOn(r -> "t-30".equals(r.get("milestone")))
                .extracting(r -> (String) r.get("dueAt"))
                .containsOnly("2027-05-02T00:00:00Z");
    }

    @Test
    void rescindingTellsEveryoneCancelsTheRemindersAndPublishesTheProductAgain() {
        clock.freeze(Instant.parse("2027-01-10T09:00:00Z"));
        issue(nora, LocalDate.of(2027, 5, 1)).then().statusCode(201);
        given().auth().oauth2(nora).get("/api/products/" + product.key()).then().body("status", equalTo("deprecated"));
        deliverEverythingDue();
        given().auth()
                .oauth2(nora)
                .queryParam("reason", "The replacement is late")
                .delete(noticePath())
                .then()
                .statusCode(200)
                .body("state", equalTo("rescinded"));
        deliverEverythingDue();
        assertThat(Mailbox.kinds(consumer, product.key())).containsExactly("Deprecation:", "Withdrawn:");
        assertThat(Mailbox.to(consumer, product.key()).get(1).body()).contains("The replacement is late");
        given().auth().oauth2(nora).get("/api/products/" + product.key()).then().body("status", equalTo("published"));

        clock.freeze(Instant.parse("2027-05-02T00:00:00Z"));
        deliverEverythingDue();
        sunsets.runOnce();
        assertThat(retirements()).isZero();
        given().auth().oauth2(nora).get(noticePath()).then().body("state", equalTo("rescinded"));
        assertThat(Mailbox.kinds(consumer, product.key())).containsExactly("Deprecation:", "Withdrawn:");
        given().auth().oauth2(nora).delete(noticePath()).then().statusCode(404);
    }

    @Test
    void aSubscriberWhoJoinsLateAndAConsumerDeclaredLaterGetTheNoticeWhenTheyJoin() {
        clock.freeze(Instant.parse("2027-01-10T09:00:00Z"));
        issue(nora, LocalDate.of(2027, 5, 1)).then().statusCode(201);
        deliverEverythingDue();
        assertThat(Mailbox.to(CARLA, product.key())).isEmpty();

        given().auth()
                .oauth2(Tokens.accessToken("carla.council", "council"))
                .contentType("application/json")
                .body("{}")
                .post("/api/products/" + product.key() + "/subscription")
                .then()
                .statusCode(201)
                .body("channels", equalTo(List.of("email", "inbox")));
        String newcomer = "newcomer-" + System.nanoTime() + "@example.com";
        product.version("1.1.0").consumer("Fraud analytics", "billing", "Fraud models", newcomer);
        product.publishWithToken(nora).then().statusCode(201);
        deliverEverythingDue();

        assertThat(Mailbox.kinds(CARLA, product.key())).containsExactly("Deprecation:");
        assertThat(Mailbox.kinds(newcomer, product.key())).containsExactly("Deprecation:");
        assertThat(Mailbox.kinds(consumer, product.key())).containsExactly("Deprecation:");
    }

    @Test
    void deliveriesGivenUpAfterSeventyTwoHoursAreReportedToTheOwnerOnceADay() {
        clock.freeze(Instant.parse("2027-01-10T09:00:00Z"));
        SmtpTestResource.gate().close();
        try {
            issue(nora, LocalDate.of(2027, 6, 1)).then().statusCode(201);
            worker.runOnce();
            clock.advance(Duration.ofHours(73));
            worker.runOnce();
        } finally {
            SmtpTestResource.gate().open();
        }
        deliverEverythingDue();

        List<Map<String, Object>> emails = given()
                .auth()
                .oauth2(nora)
                .queryParam("size", 200)
                .get(noticePath() + "/deliveries")
                .then()
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("items")
                .stream()
                .filter(r -> "email".equals(r.get("channel")) && "issued".equals(r.get("milestone")))
                .toList();
        assertThat(emails)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("state")).isEqualTo("dead"));
        assertThat(Mailbox.to(consumer, product.key())).isEmpty();
        assertThat(Mailbox.kinds(owner, product.key())).containsExactly("Undelivered:");
        assertThat(Mailbox.to(owner, product.key()).get(0).body()).contains("failed for too long", "/deprecation");
    }

    @Test
    void aSecondNoticeForTheSameLineIsAConflictAndAnUnknownSuccessorIsNamed() {
        clock.freeze(Instant.parse("2027-01-10T09:00:00Z"));
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body("{\"reason\": \"Replaced\", \"sunset\": \"2027-06-01\", \"successor\": \"nowhere.product\"}")
                .post(noticePath())
                .then()
                .statusCode(422)
                .body("errors.find { it.field == 'successor' }.message", containsString("nowhere.product"));
        issue(nora, LocalDate.of(2027, 6, 1)).then().statusCode(201);
        issue(nora, LocalDate.of(2027, 7, 1)).then().statusCode(409).body("detail", containsString("extend it"));
    }

    /**
     * Sends every email delivery due now (the scheduled worker is off in tests). A send the SMTP server did not accept
     * in time is retried after its backoff, by the clock: the frozen clock is moved on by a few minutes for it.
     */
    private void deliverEverythingDue() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            worker.runOnce();
            List<Map<String, Object>> due = dueEmails();
            if (due.stream().anyMatch(r -> ((Number) r.get("attempts")).intValue() > 0)) {
                clock.advance(Duration.ofMinutes(3));
            }
            return due.isEmpty();
        });
    }

    private List<Map<String, Object>> dueEmails() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        String next = noticePath() + "/deliveries?size=200";
        while (next != null) {
            Response page = given().auth().oauth2(nora).get(next);
            page.then().statusCode(200);
            for (Map<String, Object> r : page.jsonPath().<Map<String, Object>>getList("items")) {
                if ("pending".equals(r.get("state"))
                        && "email".equals(r.get("channel"))
                        && !Instant.parse((String) r.get("dueAt")).isAfter(clock.instant())) {
                    rows.add(r);
                }
            }
            next = page.jsonPath().getString("next");
        }
        return rows;
    }

    /** How many times this product's notices were retired (the history the feeds read). */
    private long retirements() {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from deprecation_event where product_key = ? and kind = 'retired'")) {
            count.setString(1, product.key());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String noticePath() {
        return "/api/products/" + product.key() + "/deprecation";
    }

    private Response issue(String token, LocalDate sunset) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"reason\": \"Replaced by the new inventory\", \"sunset\": \"" + sunset
                        + "\", \"successor\": \"none\", \"noSuccessorReason\": \"The data is no longer collected\","
                        + " \"migrationGuide\": \"Stop reading **main** by the sunset.\"}")
                .post(noticePath());
    }

    private Response extend(String token, String sunset) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"sunset\": \"" + sunset + "\"}")
                .put(noticePath());
    }
}
