package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.signalbox.notification.delivery.DeliveryWorker;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import io.signalbox.testing.Mailbox;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The signed links in a notice email: opening one records nothing (mail scanners follow links), its button does, a
 * tampered link is refused, and the owner sees the acknowledgement and the migration with how they came.
 */
@QuarkusTest
class AcknowledgementLinkTest {

    private static final Pattern LINK = Pattern.compile("http://[^\\s]+(/deprecations/acknowledge\\?[^\\s]+)");

    @Inject
    DeliveryWorker worker;

    @Inject
    AdjustableClock clock;

    @Test
    void theEmailLinksAcknowledgeAndRecordMigrationOnlyWhenTheButtonIsPressed() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        String consumer = "consumer-" + System.nanoTime() + "@example.com";
        Descriptors product =
                Descriptors.product(domain).withoutConsumers().consumer("Churn models", "billing", "Churn", consumer);
        product.publishWithToken(nora).then().statusCode(201);
        given().auth()
                .oauth2(nora)
                .contentType("application/json")
                .body("{\"reason\": \"Replaced\", \"sunset\": \"2098-01-01\", \"successor\": \"none\","
                        + " \"noSuccessorReason\": \"No longer collected\"}")
                .post("/api/products/" + product.key() + "/deprecation")
                .then()
                .statusCode(201);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                worker.runOnce();
                boolean arrived = !Mailbox.to(consumer, product.key()).isEmpty();
                if (!arrived) {
                    clock.advance(Duration.ofMinutes(3)); // past the backoff of a send the SMTP server did not take
                }
                return arrived;
            });
        } finally {
            clock.reset();
        }
        String body = Mailbox.to(consumer, product.key()).get(0).body();
        List<String> links = LINK.matcher(body).results().map(m -> m.group(1)).toList();
        assertThat(links).hasSize(2);
        String acknowledge = links.get(0);
        String migrated = links.get(1);
        assertThat(acknowledge).contains("s=acknowledged");
        assertThat(migrated).contains("s=migrated");

        // Opening the link, without signing in, shows the notice and a button, and records nothing.
        given().redirects().follow(false).get(acknowledge).then().statusCode(200);
        assertThat(recipient(nora, product, consumer).get("acknowledgedAt")).isNull();
        given().redirects()
                .follow(false)
                .get(acknowledge.replaceAll("sig=[^&]+", "sig=forged"))
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .get(acknowledge.replace("s=acknowledged", "s=migrated"))
                .then()
                .statusCode(403);

        FormSession form = FormSession.openedAt(acknowledge);
        Matcher query = Pattern.compile("r=(\\d+)&s=(\\w+)&sig=([^&]+)").matcher(acknowledge);
        assertThat(query.find()).isTrue();
        Response pressed = form.post(
                "/deprecations/acknowledge", Map.of("r", query.group(1), "s", query.group(2), "sig", query.group(3)));
        pressed.then().statusCode(303);
        Map<String, Object> acknowledged = recipient(nora, product, consumer);
        assertThat(acknowledged.get("acknowledgedAt")).isNotNull();
        assertThat(acknowledged.get("acknowledgedVia")).isEqualTo("link");
        assertThat(acknowledged.get("migratedAt")).isNull();
        assertThat(given().get(acknowledge).asString()).contains("Recorded: you acknowledged the notice");

        FormSession second = FormSession.openedAt(migrated);
        Matcher q2 = Pattern.compile("r=(\\d+)&s=(\\w+)&sig=([^&]+)").matcher(migrated);
        assertThat(q2.find()).isTrue();
        second.post("/deprecations/acknowledge", Map.of("r", q2.group(1), "s", q2.group(2), "sig", q2.group(3)))
                .then()
                .statusCode(303);
        assertThat(recipient(nora, product, consumer).get("migratedAt")).isNotNull();
        // Pressed again: nothing changes (the first time is kept).
        second.post("/deprecations/acknowledge", Map.of("r", q2.group(1), "s", q2.group(2), "sig", q2.group(3)))
                .then()
                .statusCode(303);
        assertThat(recipient(nora, product, consumer).get("acknowledgedAt"))
                .isEqualTo(acknowledged.get("acknowledgedAt"));
    }

    private static Map<String, Object> recipient(String token, Descriptors product, String address) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(token)
                .get("/api/products/" + product.key() + "/deprecation/recipients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .filter(r -> address.equals(r.get("address")))
                .findFirst()
                .orElseThrow();
    }
}
