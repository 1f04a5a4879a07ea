package io.signalbox.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.notification.AcknowledgementRequested;
import io.signalbox.notification.Channel;
import io.signalbox.notification.ChannelSender.DeliveryFailed;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Inbox;
import io.signalbox.notification.Message;
import io.signalbox.testing.Api;
import io.signalbox.testing.FormSession;
import io.signalbox.testing.Tokens;
import io.signalbox.web.Paging;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-portal inbox (docs/inbox.md): the INBOX channel sender writes one entry per delivery row, the API lists the
 * caller's entries a page at a time and takes acknowledgements, the page shows them and its forms work with the
 * synchronizer token. People sign in with real tokens from the test realm, whose users state their email addresses.
 */
@QuarkusTest
class InboxTest {

    private static final String RITA = "rita.reader@telco.example";
    private static final AtomicLong IDS =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));

    private static String rita;
    private static String nora;

    @Inject
    io.signalbox.testing.AdjustableClock clock;

    @Inject
    InboxSender sender;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    RecordedAcknowledgements recorded;

    @BeforeAll
    static void signIn() {
        rita = Tokens.accessToken("rita.reader", "reader");
        nora = Tokens.accessToken("nora.network", "network");
    }

    /** A delivered inbox row of its own group, as the delivery worker hands it to the sender. */
    private static DeliveryRecord row(String topic, String address) {
        long id = IDS.incrementAndGet();
        return new DeliveryRecord(
                id,
                topic,
                id,
                id + 7,
                "issued",
                Channel.INBOX,
                address,
                Instant.now(),
                "pending",
                0,
                null,
                null,
                null,
                null);
    }

    private static Message message(String subject, boolean acknowledgeable) {
        return new Message(
                subject,
                "The product stops on 1 March 2027.\nUse the successor instead.",
                URI.create("http://localhost:8080/products/network-events"),
                Map.of(),
                null,
                acknowledgeable);
    }

    /** Delivers one acknowledgeable entry to Rita and returns its id as the API lists it. */
    /**
     * Other tests leave rita entries dated by their own clocks (some stand it in 2027): this test's entries are made the
     * newest of all, in the order delivered, by standing the clock in 2199, a second further each time.
     */
    private static final java.util.concurrent.atomic.AtomicLong NEWEST = new java.util.concurrent.atomic.AtomicLong();

    private long deliverToRita(DeliveryRecord row, String subject) throws DeliveryFailed {
        clock.freeze(Instant.parse("2199-01-01T00:00:00Z").plusSeconds(NEWEST.incrementAndGet()));
        try {
            sender.send(row, message(subject, true));
        } finally {
            clock.reset();
        }
        return entryIdBySubject(subject);
    }

    private static long entryIdBySubject(String subject) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(rita)
                .get("/api/me/inbox?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(item -> subject.equals(item.get("subject")))
                .map(item -> ((Number) item.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry '" + subject + "' in Rita's inbox"));
    }

    private static Response acknowledge(String token, long id, String body) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/me/inbox/" + id + "/acknowledgement");
    }

    private long entriesOfDelivery(long deliveryId) {
        return ((Number) em.createNativeQuery("select count(*) from notification_inbox_entry where delivery_id = :id")
                        .setParameter("id", deliveryId)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void theSenderCalledTwiceForOneDeliveryWritesOneEntry() throws Exception {
        DeliveryRecord row = row("test-inbox", "Rita.Reader@Telco.Example");
        String subject = "Exactly once " + row.id();

        sender.send(row, message(subject, true));
        sender.send(row, message(subject, true)); // a resend after a crash between writing and marking sent

        assertThat(entriesOfDelivery(row.id())).isEqualTo(1);
        List<String> subjects = given().auth()
                .oauth2(rita)
                .get("/api/me/inbox?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.subject");
        assertThat(subjects)
                .as("the entry is addressed by the lower-cased address")
                .containsOnlyOnce(subject);
    }

    @Test
    void aRowWithoutAnAddressFailsPermanently() {
        DeliveryRecord row = row("test-inbox", "");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                DeliveryFailed.class, () -> sender.send(row, message("No address", true)))
                        .permanent())
                .isTrue();
        assertThat(entriesOfDelivery(row.id())).isZero();
    }

    @Test
    void theApiListsTheCallersEntriesNewestFirstAPageAtATime() throws Exception {
        long first = deliverToRita(row("test-inbox", RITA), "Paging one");
        long second = deliverToRita(row("test-inbox", RITA), "Paging two");
        long third = deliverToRita(row("test-inbox", RITA), "Paging three");

        Response page1 = given().auth().oauth2(rita).get("/api/me/inbox?size=2");
        page1.then().statusCode(200);
        assertThat(page1.jsonPath().getList("items.id", Long.class)).containsExactly(third, second);
        String next = page1.jsonPath().getString("next");
        assertThat(page1.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        assertThat(given().auth()
                        .oauth2(rita)
                        .urlEncodingEnabled(false)
                        .get(next)
                        .jsonPath()
                        .getList("items.id", Long.class))
                .startsWith(first);
        assertThat(page1.jsonPath().getString("items[0].state")).isEqualTo("open");
        assertThat(page1.jsonPath().getBoolean("items[0].unread")).isTrue();

        Api.problem(given().auth().oauth2(rita).get("/api/me/inbox?size=0"), 400)
                .body("errors.field", hasItem("size"));
        Api.problem(given().auth().oauth2(rita).get("/api/me/inbox?after=garbage!"), 400)
                .body("errors.field", hasItem("after"));
        String beyondPostgres = Paging.cursor(List.of("+300000-01-01T00:00:00Z", "1"));
        Api.problem(given().auth().oauth2(rita).get("/api/me/inbox?after=" + beyondPostgres), 400)
                .body("errors.field", hasItem("after"));
        List<String> noraSees = given().auth()
                .oauth2(nora)
                .get("/api/me/inbox?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.subject");
        assertThat(noraSees).as("another person's inbox").doesNotContain("Paging one", "Paging two", "Paging three");
    }

    @Test
    void anonymousCallersGet401AndAnotherPersonsEntryIs404() throws Exception {
        long id = deliverToRita(row("test-inbox", RITA), "Not Nora's");

        given().get("/api/me/inbox").then().statusCode(401);
        given().contentType("application/json")
                .post("/api/me/inbox/" + id + "/acknowledgement")
                .then()
                .statusCode(401);
        Api.problem(acknowledge(nora, id, null), 404);
        Api.problem(acknowledge(rita, Long.MAX_VALUE, null), 404);
        Api.problem(acknowledge(rita, 0, null).then().extract().response(), 404);
        given().auth()
                .oauth2(rita)
                .contentType("application/json")
                .post("/api/me/inbox/not-a-number/acknowledgement")
                .then()
                .statusCode(404);
        assertThat(given().auth()
                        .oauth2(rita)
                        .get("/api/me/inbox?size=100")
                        .jsonPath()
                        .getString("items.find { it.id == " + id + " }.state"))
                .as("Nora's attempt changed nothing")
                .isEqualTo("open");
    }

    @Test
    void acknowledgingTwiceAnswersTheSameStateAndRecordsOnce() throws Exception {
        DeliveryRecord row = row("test-inbox", RITA);
        long id = deliverToRita(row, "Acknowledge me " + row.id());

        JsonPath once = acknowledge(rita, id, null)
                .then()
                .statusCode(200)
                .body("state", equalTo("acknowledged"))
                .body("acknowledgedAt", notNullValue())
                .body("migratedAt", nullValue())
                .extract()
                .jsonPath();
        JsonPath twice = acknowledge(rita, id, "{\"step\": \"acknowledged\"}")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(twice.getString("acknowledgedAt")).isEqualTo(once.getString("acknowledgedAt"));
        assertThat(recorded.of(row.groupId()))
                .containsExactly(new AcknowledgementRequested(
                        "test-inbox", row.groupId(), row.recipientKey(), "acknowledged", "rita.reader"));

        acknowledge(rita, id, "{\"step\": \"migrated\"}")
                .then()
                .statusCode(200)
                .body("state", equalTo("migrated"))
                .body("acknowledgedAt", equalTo(once.getString("acknowledgedAt")));
        acknowledge(rita, id, "{\"step\": \"migrated\"}").then().statusCode(200).body("state", equalTo("migrated"));
        acknowledge(rita, id, null).then().statusCode(200).body("state", equalTo("migrated"));
        assertThat(recorded.of(row.groupId()))
                .extracting(AcknowledgementRequested::step)
                .containsExactly("acknowledged", "migrated");
    }

    @Test
    void migratingWithoutAcknowledgingAcknowledgesFirst() throws Exception {
        DeliveryRecord row = row("test-inbox", RITA);
        long id = deliverToRita(row, "Migrate me " + row.id());

        acknowledge(rita, id, "{\"step\": \"migrated\"}")
                .then()
                .statusCode(200)
                .body("state", equalTo("migrated"))
                .body("acknowledgedAt", notNullValue())
                .body("unread", equalTo(false));
        assertThat(recorded.of(row.groupId()))
                .extracting(AcknowledgementRequested::step)
                .containsExactly("acknowledged", "migrated");
    }

    @Test
    void whatCannotBeAcknowledgedIsRefusedNamingWhy() throws Exception {
        DeliveryRecord info = row("test-inbox", RITA);
        sender.send(info, message("For information " + info.id(), false));
        long informational = entryIdBySubject("For information " + info.id());
        Api.problem(acknowledge(rita, informational, null), 409).body("errors.field", hasItem("id"));

        DeliveryRecord row = row("test-inbox", RITA);
        long id = deliverToRita(row, "Steps " + row.id());
        Api.problem(acknowledge(rita, id, "{\"step\": \"done\"}"), 422).body("errors.field", hasItem("step"));
        Api.problem(acknowledge(rita, id, "{\"stepp\": \"migrated\"}"), 400);
        Api.problem(acknowledge(rita, id, "{\"step\": 3}"), 400);
        assertThat(recorded.of(row.groupId())).isEmpty();
    }

    @Test
    void aRefusalOfTheOwningFeatureIsTheAnswerAndChangesNothing() throws Exception {
        DeliveryRecord row = row(RecordedAcknowledgements.REFUSING_TOPIC, RITA);
        long id = deliverToRita(row, "Rescinded " + row.id());

        Api.problem(acknowledge(rita, id, null), 409);
        assertThat(given().auth()
                        .oauth2(rita)
                        .get("/api/me/inbox?size=100")
                        .jsonPath()
                        .getString("items.find { it.id == " + id + " }.state"))
                .isEqualTo("open");
    }

    @Test
    void aFeatureMarksARecipientsEntriesWhenTheyAcknowledgedElsewhere() throws Exception {
        DeliveryRecord row = row("test-inbox", RITA);
        long id = deliverToRita(row, "Acknowledged by email " + row.id());

        QuarkusTransaction.requiringNew()
                .run(() -> inbox.mark("test-inbox", row.groupId(), row.recipientKey(), "migrated"));
        QuarkusTransaction.requiringNew()
                .run(() -> inbox.mark("test-inbox", row.groupId(), row.recipientKey(), "acknowledged"));

        JsonPath entry =
                given().auth().oauth2(rita).get("/api/me/inbox?size=100").jsonPath();
        assertThat(entry.getString("items.find { it.id == " + id + " }.state")).isEqualTo("migrated");
        assertThat(recorded.of(row.groupId()))
                .as("the feature recorded it itself")
                .isEmpty();
    }

    @Test
    void thePageShowsEntriesUnreadOnceCountsThemInTheHeaderAndItsFormsNeedTheToken() throws Exception {
        DeliveryRecord row = row("test-inbox", RITA);
        String subject = "On the page " + row.id();
        long id = deliverToRita(row, subject);

        Response home = given().auth().oauth2(rita).get("/");
        home.then().statusCode(200);
        long unread = given()
                .auth()
                .oauth2(rita)
                .get("/api/me/inbox?size=100")
                .jsonPath()
                .getList("items.unread", Boolean.class)
                .stream()
                .filter(u -> u)
                .count();
        assertThat(Jsoup.parse(home.asString())
                        .select("a.inbox-link[href=/me/inbox] .count")
                        .text())
                .as("the header's unread count")
                .startsWith(Long.toString(unread));

        Response opened = given().auth().oauth2(rita).get("/me/inbox");
        opened.then().statusCode(200);
        Document page = Jsoup.parse(opened.asString());
        Element entry = page.getElementById("entry-" + id);
        assertThat(entry).isNotNull();
        assertThat(entry.hasClass("inbox-entry--unread")).isTrue();
        assertThat(entry.select("h2").text()).contains(subject);
        assertThat(entry.select("time").attr("datetime")).endsWith("Z");
        assertThat(entry.select("a[href=http://localhost:8080/products/network-events]"))
                .hasSize(1);
        assertThat(entry.select("button").eachText())
                .containsExactly("Acknowledge " + subject, "I have migrated (" + subject + ")");

        Document again =
                Jsoup.parse(given().auth().oauth2(rita).get("/me/inbox").asString());
        assertThat(again.getElementById("entry-" + id).hasClass("inbox-entry--unread"))
                .as("shown once, read from then on")
                .isFalse();

        String action = "/me/inbox/" + id + "/acknowledgement";
        as(rita, () -> {
            FormSession session = FormSession.openedAt("/me/inbox");
            new FormSession(session.cookie(), "forged")
                    .post(action, Map.of("step", "acknowledged"))
                    .then()
                    .statusCode(403);
            assertThat(recorded.of(row.groupId()))
                    .as("refused without the token")
                    .isEmpty();

            Response posted = session.post(action, Map.of("step", "acknowledged"));
            posted.then().statusCode(303);
            assertThat(posted.header("Location")).endsWith("/me/inbox?done=acknowledged");

            Document after = Jsoup.parse(given().cookie(FormSession.COOKIE, session.cookie())
                    .get("/me/inbox?done=acknowledged")
                    .asString());
            assertThat(after.select("p.notice--ok").text()).contains("acknowledged");
            assertThat(after.getElementById("entry-" + id).select("button").eachText())
                    .containsExactly("I have migrated (" + subject + ")");

            session.post(action, Map.of("step", "migrated")).then().statusCode(303);
            Response unknownStep = session.post(action, Map.of("step", "done"));
            unknownStep.then().statusCode(422);
            assertThat(Jsoup.parse(unknownStep.asString())
                            .select("ul.problems code")
                            .eachText())
                    .containsExactly("step");
            return null;
        });
        assertThat(recorded.of(row.groupId()))
                .extracting(AcknowledgementRequested::step)
                .containsExactly("acknowledged", "migrated");

        // Nora's own page gives her a valid token; her post on Rita's entry is the 404 of an entry not hers.
        sender.send(row("test-inbox", "nora.network@telco.example"), message("Nora's own " + row.id(), true));
        as(nora, () -> {
            FormSession.openedAt("/me/inbox")
                    .post(action, Map.of("step", "acknowledged"))
                    .then()
                    .statusCode(404);
            return null;
        });
    }

    /** Runs {@code steps} signed in as the token's person, for requests that set no sign-in of their own. */
    private static <T> T as(String token, Supplier<T> steps) {
        RestAssured.authentication = RestAssured.oauth2(token);
        try {
            return steps.get();
        } finally {
            RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        }
    }
}
