package io.signalbox.catalog.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/products/{key}} under a deprecation notice (issue 13): the {@code deprecation} object, the
 * {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and {@code Link} headers parsed strictly, and the schema
 * changes that matter to a declared consumer, for them only. People are the realm's users, with real tokens.
 */
@QuarkusTest
class DeprecationApiTest {

    /** RFC 9651 §3.3.7: a structured-field Date is "@" followed by an integer, here never negative. */
    private static final Pattern SF_DATE = Pattern.compile("@(\\d{1,15})");

    /** One Link value: {@code <target>; rel="relation"} with optional further parameters. */
    private static final Pattern LINK =
            Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"([^\"]+)\"(\\s*;\\s*[a-z]+=\"[^\"]*\")*");

    @Inject
    AdjustableClock clock;

    private static Response read(String key, String token) {
        return given().auth().oauth2(token).get("/api/products/" + key);
    }

    private static Map<String, String> links(Response answer) {
        return answer.headers().getValues("Link").stream()
                .flatMap(value -> List.of(value.split(",\\s*(?=<)")).stream())
                .map(value -> {
                    Matcher m = LINK.matcher(value.strip());
                    assertThat(m.matches()).as("a Link value: " + value).isTrue();
                    return Map.entry(m.group(2), m.group(1));
                })
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void theAnswerCarriesTheNoticeAndItsHeaders() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        Descriptors successor = Descriptors.product(domain);
        successor.publishWithToken(nora).then().statusCode(201);
        Descriptors product = Descriptors.product(domain);
        product.publishWithToken(nora).then().statusCode(201);
        Instant issued = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        LocalDate sunset = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(91);
        Notices.forProduct(product.key())
                .issuedAt(issued)
                .sunset(sunset)
                .reason("Replaced by the new model.")
                .successor(successor.key(), null)
                .migrationGuide("Use *the new one*.")
                .issue();

        Response answer = read(product.key(), nora);
        answer.then().statusCode(200);
        JsonPath json = answer.jsonPath();
        assertThat(json.getString("status")).isEqualTo("deprecated");
        Map<String, Object> deprecation = json.getMap("deprecation");
        assertThat(deprecation)
                .containsEntry("majorVersion", null)
                .containsEntry("state", "active")
                .containsEntry("sunset", sunset.toString())
                .containsEntry("issuedAt", issued.toString())
                .containsEntry("reason", "Replaced by the new model.")
                .containsEntry("noSuccessorReason", null)
                .containsEntry("migrationGuide", "Use *the new one*.")
                .containsEntry("daysLeft", 91)
                .containsEntry("href", "/products/" + product.key() + "/deprecation")
                .containsEntry("schemaChangesForYou", null);
        assertThat(json.getMap("deprecation.successor"))
                .containsEntry("key", successor.key())
                .containsEntry("version", null)
                .containsEntry("href", "/products/" + successor.key())
                .hasSize(3);

        Matcher deprecationHeader = SF_DATE.matcher(answer.header("Deprecation"));
        assertThat(deprecationHeader.matches()).as(answer.header("Deprecation")).isTrue();
        assertThat(Long.parseLong(deprecationHeader.group(1))).isEqualTo(issued.getEpochSecond());
        String sunsetHeader = answer.header("Sunset");
        assertThat(sunsetHeader).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(ZonedDateTime.parse(sunsetHeader, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isEqualTo(sunset.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(links(answer))
                .containsEntry("successor-version", "/api/products/" + successor.key())
                .containsEntry("deprecation", "/products/" + product.key() + "/deprecation")
                .hasSize(2);

        Response untouched = read(successor.key(), nora);
        untouched.then().statusCode(200);
        assertThat(untouched.jsonPath().getMap("")).containsEntry("deprecation", null);
        assertThat(untouched.headers().hasHeaderWithName("Deprecation")).isFalse();
        assertThat(untouched.headers().hasHeaderWithName("Sunset")).isFalse();
        assertThat(untouched.headers().hasHeaderWithName("Link")).isFalse();
    }

    @Test
    void aLinesNoticeHeadersOnlyThatLinesAnswersAndNoSuccessorMeansNoSuccessorLink() {
        String nora = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(Tokens.accessToken("adam.admin", "admin"), "nora.network");
        Descriptors product = Descriptors.product(domain);
        product.publishWithToken(nora).then().statusCode(201);
        Notices.forProduct(product.key()).line(1).noSuccessor("nobody needs it").issue();
        product.version("2.0.0").publishWithToken(nora).then().statusCode(201);

        Response current = read(product.key(), nora);
        assertThat(current.jsonPath().getMap("")).containsEntry("deprecation", null);
        assertThat(current.headers().hasHeaderWithName("Deprecation")).isFalse();

        Response lineOne = given().auth().oauth2(nora).get("/api/products/" + product.key() + "/versions/1.0.0");
        lineOne.then().statusCode(200);
        assertThat(SF_DATE.matcher(lineOne.header("Deprecation")).matches()).isTrue();
        assertThat(links(lineOne)).containsOnlyKeys("deprecation");
    }

    @Test
    void theSchemaChangesThatMatterAreShownToDeclaredConsumersOnly() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        String bill = Tokens.accessToken("bill.billing", "billing");
        String rita = Tokens.accessToken("rita.reader", "reader");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        Descriptors product = Descriptors.product(domain)
                .column("region", "string", false, "internal", false, null, "Where the service runs")
                .column("customer_ref", "string", false, "internal", false, null, "Who ordered it")
                .column("legacy_code", "string", false, "internal", false, null, "Dropped in the successor")
                .consumer("Reporting", "billing", "Monthly report", "Rita.Reader@Telco.example");
        product.publishWithToken(nora).then().statusCode(201);
        Descriptors successor = Descriptors.product(domain);
        successor
                .column("region", "integer", false, "internal", false, null, "Region number now")
                .column("customer_ref", "string", false, "confidential", false, null, "Reclassified")
                .column("site_id", "string", false, "internal", false, null, "New")
                .publishWithToken(nora)
                .then()
                .statusCode(201);
        Notices.forProduct(product.key()).successor(successor.key(), null).issue();

        String billingDomain = Descriptors.newDomainWithToken(admin, "bill.billing");
        Descriptors downstream = Descriptors.product(billingDomain)
                .withoutProductTeam()
                .productLine("team:\n  name: Billing\n  members:\n    - username: bill.billing@telco.example\n"
                        + "      name: Bill\n      role: owner")
                .productLine("inputPorts:\n  - name: services\n    customProperties:\n"
                        + "      - property: sourceProduct\n        value: " + product.key());
        downstream.publishWithToken(bill).then().statusCode(201);

        List<Map<String, Object>> expected = List.of(
                Map.of("object", "main", "column", "legacy_code", "change", "removed", "before", "string"),
                Map.of(
                        "object",
                        "main",
                        "column",
                        "region",
                        "change",
                        "type changed",
                        "before",
                        "string",
                        "after",
                        "integer"),
                Map.of(
                        "object",
                        "main",
                        "column",
                        "customer_ref",
                        "change",
                        "classification changed",
                        "before",
                        "internal",
                        "after",
                        "confidential"),
                Map.of("object", "main", "column", "site_id", "change", "added", "after", "string"));
        for (String consumer : List.of(rita, bill)) {
            List<Map<String, Object>> changes = read(product.key(), consumer)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("deprecation.schemaChangesForYou");
            assertThat(changes)
                    .map(c -> c.entrySet().stream()
                            .filter(e -> e.getValue() != null)
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .isEqualTo(expected);
        }
        for (String notConsumer : List.of(nora, Tokens.accessToken("carla.council", "council"))) {
            assertThat(read(product.key(), notConsumer)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap("deprecation"))
                    .containsEntry("schemaChangesForYou", null);
        }
    }
}
