package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PortalProcess;
import io.signalbox.testing.TwoPortals;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two portal instances against one PostgreSQL (issue 13, "Done means"): both delivery workers poll the same outbox and
 * both sunset jobs tick over the same notices, yet every delivery is sent once and every notice retired once; and
 * (issue 15) a publication accepted by either is searchable on the other within 2 s. The
 * instances are the packaged application in JVMs of their own ({@link TwoPortals}), so this runs in {@code verify},
 * after {@code package}.
 */
class TwoPortalsIT {

    /** Enough emails that both workers are busy at once: with batches of 10, they take turns many times over. */
    private static final int SUBSCRIBERS = 300;

    private static TwoPortals portals;
    private static String adminToken;
    private static String ownerToken;
    private static String readerToken;

    @BeforeAll
    static void startTwoPortals() {
        portals = TwoPortals.start(Map.of(
                // Both workers poll every second (the scheduler's shortest interval) and claim small batches: they
                // race for the same rows.
                "signalbox.notification.poll-interval", "1s",
                "signalbox.notification.batch-size", "10",
                // Both sunset jobs tick every second, from the first second on.
                "signalbox.deprecation.sunset-interval", "1s",
                "signalbox.deprecation.sunset-delay", "1s"));
        // Descriptors talks to RestAssured's default address: the first instance.
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = portals.one().port();
        adminToken = portals.accessToken("adam.admin", "admin");
        ownerToken = portals.accessToken("nora.network", "network");
        readerToken = portals.accessToken("rita.reader", "reader");
    }

    @AfterAll
    static void stopTwoPortals() {
        RestAssured.reset();
        if (portals != null) {
            portals.close();
        }
    }

    /**
     * Issue 15: a publication accepted by one replica is searchable on the other within 2 s. Each instance keeps its own
     * index; the other learns of the publication only through the catalog change feed (PostgreSQL's notification,
     * or its next poll). Publications alternate between the instances; each is searched for on the other one.
     */
    @Test
    void aPublicationOnOneInstanceIsSearchableOnTheOtherWithinTwoSeconds() {
        String domain = Descriptors.newDomainWithToken(adminToken, "nora.network");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PortalProcess publisher = i % 2 == 0 ? portals.one() : portals.two();
            PortalProcess searcher = i % 2 == 0 ? portals.two() : portals.one();
            String word = "Replicant" + i + "x" + System.nanoTime();
            Descriptors product = Descriptors.product(domain)
                    .slug("replicated-" + i)
                    .title(word + " Capacity")
                    .ownerUsername("nora.network@telco.example");
            given().baseUri(publisher.baseUri().toString())
                    .auth()
                    .oauth2(ownerToken)
                    .contentType("application/yaml")
                    .body(product.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/products")
                    .then()
                    .statusCode(201);
            long accepted = System.nanoTime();
            await("product " + i + " searchable on the other instance")
                    .atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> given().baseUri(searcher.baseUri().toString())
                            .auth()
                            .oauth2(readerToken)
                            .queryParam("q", word)
                            .get("/api/search")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("hits.key", String.class)
                            .equals(List.of(product.key())));
            millis.add((System.nanoTime() - accepted) / 1_000_000);
        }
        System.out.println("Cross-replica publish-to-searchable (ms): " + millis);
    }

    @Test
    void everyEmailOfANoticeIsSentOnceThoughBothInstancesDeliver() throws Exception {
        String domain = Descriptors.newDomainWithToken(adminToken, "nora.network");
        String product = publish(domain);
        subscribe(product, SUBSCRIBERS);

        long notice = issue(portals.one(), product);

        // Every email due now (the "issued" milestone of each recipient) is sent; none failed or given up.
        await("the issued emails sent")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Map<String, Long> states = dueEmailStates(notice);
                    assertThat(states).doesNotContainKeys("dead", "cancelled");
                    return states.keySet().equals(java.util.Set.of("sent"));
                });
        List<Row> rows = dueEmails(notice);
        assertThat(rows).hasSizeGreaterThan(SUBSCRIBERS); // the subscribers and the owner
        // Each row was claimed once and sent on its first attempt: a second claim would have counted a second attempt.
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.attempts())
                        .as("row %s (%s)", row.id(), row.lastError())
                        .isEqualTo(1));
        assertThat(rows).extracting(Row::messageId).doesNotContainNull().doesNotHaveDuplicates();
        java.util.Set<String> retried = rows.stream()
                .filter(row -> row.attempts() > 1)
                .map(Row::messageId)
                .collect(Collectors.toSet());

        // The SMTP server got exactly one mail per row, to the row's recipient, and nothing more arrives later.
        Map<String, Row> byMessageId = rows.stream().collect(Collectors.toMap(Row::messageId, Function.identity()));
        await("no mail of the notice twice")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(30))
                .until(() -> mailsOf(byMessageId).stream()
                                .map(Mail::messageId)
                                .distinct()
                                .count()
                        == rows.size());
        List<Mail> mails = mailsOf(byMessageId);
        // A send abandoned at its timeout may still complete: the documented duplicate, under the same Message-ID.
        assertThat(mails)
                .extracting(Mail::messageId)
                .filteredOn(id -> !retried.contains(id))
                .doesNotHaveDuplicates();
        assertThat(mails)
                .allSatisfy(mail -> assertThat(mail.to())
                        .isEqualTo(byMessageId.get(mail.messageId()).target()));
        // Both workers took part: each instance signs with a sender of its own.
        assertThat(mails)
                .as(
                        "mails by sender: %s",
                        mails.stream().collect(Collectors.groupingBy(Mail::from, Collectors.counting())))
                .extracting(Mail::from)
                .contains(TwoPortals.senderOf(portals.one()), TwoPortals.senderOf(portals.two()));
    }

    @Test
    void eachNoticeIsRetiredOnceAtItsSunsetAndBothInstancesShowItRetired() throws Exception {
        String domain = Descriptors.newDomainWithToken(adminToken, "nora.network");
        // Several notices whose sunsets pass at once, issued through either instance: both jobs find work together.
        List<String> products = new ArrayList<>();
        List<Long> notices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String product = publish(domain);
            products.add(product);
            notices.add(issue(i % 2 == 0 ? portals.one() : portals.two(), product));
        }

        // The instances' clocks cannot be moved: the sunsets are moved into the past instead.
        try (Connection db = portals.jdbc();
                PreparedStatement pass = db.prepareStatement("update deprecation_notice"
                        + " set sunset_at = now() - interval '1 minute' where id = any (?)")) {
            pass.setArray(1, db.createArrayOf("bigint", notices.toArray()));
            assertThat(pass.executeUpdate()).isEqualTo(notices.size());
        }

        await("every notice retired")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> notices.stream().allMatch(id -> "retired".equals(noticeState(id))));
        // Several ticks of both jobs later, still one retirement each.
        await("one retirement per notice")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(30))
                .until(() -> notices.stream().allMatch(id -> retirements(id) == 1));

        for (PortalProcess portal : portals.both()) {
            for (String product : products) {
                given().baseUri(portal.baseUri().toString())
                        .auth()
                        .oauth2(readerToken)
                        .get("/api/products/" + product)
                        .then()
                        .statusCode(200)
                        .body("status", org.hamcrest.Matchers.equalTo("retired"));
            }
        }
    }

    private static String publish(String domain) {
        return Descriptors.product(domain)
                .ownerUsername("nora.network@telco.example")
                .publishWithToken(ownerToken)
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    /** Subscribes people to the product by email, as if each had pressed "Subscribe" (faster for hundreds). */
    private static void subscribe(String product, int people) throws SQLException {
        try (Connection db = portals.jdbc();
                PreparedStatement insert = db.prepareStatement("insert into deprecation_subscription"
                        + " (username, address, scope, scope_key, by_email, by_inbox, created_at, updated_at)"
                        + " select 'subscriber-' || n, 'subscriber-' || n || '@two-portals.test', 'product', ?,"
                        + " true, false, now(), now() from generate_series(1, ?) n")) {
            insert.setString(1, product);
            insert.setInt(2, people);
            assertThat(insert.executeUpdate()).isEqualTo(people);
        }
    }

    /** Issues a whole-product notice through the instance's API, with the shortest notice allowed and some days. */
    private static long issue(PortalProcess portal, String product) {
        Number id = given().baseUri(portal.baseUri().toString())
                .auth()
                .oauth2(ownerToken)
                .contentType("application/json")
                .body(Map.of(
                        "reason", "Replaced by the streaming inventory.",
                        "sunset", LocalDate.now(ZoneOffset.UTC).plusDays(100).toString(),
                        "successor", "none",
                        "noSuccessorReason", "The data is no longer collected."))
                .post("/api/products/" + product + "/deprecation")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return id.longValue();
    }

    /** An email delivery row of a notice. */
    private record Row(long id, String target, int attempts, String messageId, String lastError) {}

    /** A mail the SMTP server received: its Message-ID without angle brackets, sender and recipient addresses. */
    private record Mail(String messageId, String from, String to) {}

    /** The notice's email rows due by now (later milestones wait for their day), by state: state → count. */
    private static Map<String, Long> dueEmailStates(long notice) throws SQLException {
        Map<String, Long> states = new HashMap<>();
        try (Connection db = portals.jdbc();
                PreparedStatement query = db.prepareStatement("select state, count(*) from notification_delivery"
                        + " where topic = 'deprecation' and group_id = ? and channel = 'email' and due_at <= now()"
                        + " group by state")) {
            query.setLong(1, notice);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    states.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return states;
    }

    private static List<Row> dueEmails(long notice) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection db = portals.jdbc();
                PreparedStatement query = db.prepareStatement("select id, target, attempts, message_id, last_error"
                        + " from notification_delivery where topic = 'deprecation' and group_id = ?"
                        + " and channel = 'email' and due_at <= now() order by id")) {
            query.setLong(1, notice);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getLong(1),
                            result.getString(2),
                            result.getInt(3),
                            result.getString(4),
                            result.getString(5)));
                }
            }
        }
        return rows;
    }

    /** The received mails whose Message-ID is one of the given rows'. */
    private static List<Mail> mailsOf(Map<String, Row> byMessageId) throws MessagingException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : portals.smtp().getReceivedMessages()) {
            String[] header = message.getHeader("Message-ID");
            if (header == null) {
                continue;
            }
            String messageId = header[0].strip().replaceAll("^<|>$", "");
            if (byMessageId.containsKey(messageId)) {
                mails.add(new Mail(
                        messageId,
                        ((InternetAddress) message.getFrom()[0]).getAddress(),
                        ((InternetAddress) message.getAllRecipients()[0]).getAddress()));
            }
        }
        return mails;
    }

    private static String noticeState(long notice) {
        try (Connection db = portals.jdbc();
                PreparedStatement query = db.prepareStatement("select state from deprecation_notice where id = ?")) {
            query.setLong(1, notice);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long retirements(long notice) {
        try (Connection db = portals.jdbc();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from deprecation_event where notice_id = ? and kind = 'retired'")) {
            query.setLong(1, notice);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
