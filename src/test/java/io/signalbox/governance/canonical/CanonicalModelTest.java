package io.signalbox.governance.canonical;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The council changes canonical entities only under an accepted decision record; changes are versioned and audited,
 * and take effect at the next publication. Domains' conflicting extensions are detected across domains.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class CanonicalModelTest {

    private static JsonPath entity(String name) {
        return given().get("/api/governance/entities/" + name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long decide(String entity, String status) {
        return given().contentType("application/json")
                .body(Map.of(
                        "title", "Installation address on Service",
                        "context", "Field technicians and billing both need where a service is installed.",
                        "decision", "Add installation_address, owned by provisioning.",
                        "consequences", "Domains map their address columns to it.",
                        "status", status))
                .post("/api/governance/entities/" + entity + "/decisions")
                .then()
                .statusCode(201)
                .body("reference", org.hamcrest.Matchers.startsWith("ADR-"))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** Service's current shape as a change request, with extra attributes appended. */
    private static Map<String, Object> serviceShape(JsonPath service, Long decision, List<Map<String, Object>> extra) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Map<String, Object> a : service.<Map<String, Object>>getList("attributes")) {
            attributes.add(Map.of(
                    "name", a.get("name"),
                    "dataType", a.get("dataType"),
                    "meaning", a.get("meaning"),
                    "systemOfRecord", a.get("systemOfRecord"),
                    "mandatory", a.get("mandatory")));
        }
        attributes.addAll(extra);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("identifierFormat", service.getString("identifierFormat"));
        change.put("identifierExample", service.getString("identifierExample"));
        change.put("lifecycleVocabulary", service.getList("lifecycleVocabulary"));
        change.put("attributes", attributes);
        change.put("lockVersion", service.getInt("lockVersion"));
        if (decision != null) {
            change.put("decision", decision);
        }
        return change;
    }

    private static Response put(Map<String, Object> change) {
        return given().contentType("application/json").body(change).put("/api/governance/entities/Service");
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void onlyTheCouncilRecordsDecisionsAndChangesEntities() {
        JsonPath before = entity("Service");
        String title = "Not the council's decision " + System.nanoTime();
        given().contentType("application/json")
                .body(Map.of(
                        "title", title, "context", "c", "decision", "d", "consequences", "q", "status", "accepted"))
                .post("/api/governance/entities/Service/decisions")
                .then()
                .statusCode(403);
        Map<String, Object> change = serviceShape(before, 1L, List.of());
        change.put("identifierExample", "SVC-0000000001");
        put(change).then().statusCode(403);

        JsonPath after = entity("Service");
        assertThat(after.getList("decisions.title", String.class)).doesNotContain(title);
        assertThat(after.getInt("revision")).isEqualTo(before.getInt("revision"));
        assertThat(after.getInt("lockVersion")).isEqualTo(before.getInt("lockVersion"));
    }

    @Test
    @TestSecurity(
            user = Descriptors.TEST_OWNER,
            roles = {"admin", "council"})
    void anEntityChangesUnderAnAcceptedDecisionAndTheChangeIsVersioned() {
        String domain = Descriptors.newDomain();
        Descriptors addressed = Descriptors.product(domain)
                .column(
                        "installation_address",
                        "string",
                        false,
                        "confidential",
                        false,
                        "Service.installation_address",
                        "Where the service is installed");
        assertThat(addressed
                        .validate()
                        .then()
                        .statusCode(422)
                        .extract()
                        .jsonPath()
                        .getList("violations.rule", String.class))
                .containsExactly("additive-extensions");

        JsonPath before = entity("Service");
        Map<String, Object> address = Map.of(
                "name", "installation_address",
                "dataType", "string",
                "meaning", "Where the service is installed",
                "systemOfRecord", domain,
                "mandatory", false);

        put(serviceShape(before, null, List.of(address)))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("decision"));
        long proposed = decide("Service", "proposed");
        put(serviceShape(before, proposed, List.of(address)))
                .then()
                .statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("is proposed"));

        long accepted = decide("Service", "accepted");
        Map<String, Object> broken = serviceShape(before, accepted, List.of(address));
        broken.put("identifierExample", "SVC-12");
        put(broken).then().statusCode(422).body("errors[0].field", equalTo("identifierExample"));
        Map<String, Object> badRegex = serviceShape(before, accepted, List.of(address));
        badRegex.put("identifierFormat", "^SVC-[0-9{10}$");
        put(badRegex).then().statusCode(422).body("errors[0].field", equalTo("identifierFormat"));

        put(serviceShape(before, accepted, List.of(address))).then().statusCode(200);
        try {
            JsonPath after = entity("Service");
            assertThat(after.getInt("revision")).isEqualTo(before.getInt("revision") + 1);
            assertThat(after.getList("attributes.name", String.class)).contains("installation_address");
            assertThat(after.getString("revisions[0].decision")).isEqualTo("ADR-" + accepted);
            assertThat(after.getString("revisions[0].summary")).contains("added installation_address");
            assertThat(after.getList("decisions.reference", String.class)).contains("ADR-" + accepted);

            // A second change from the same stale read is refused.
            put(serviceShape(before, accepted, List.of())).then().statusCode(409);

            // The new attribute is canonical from the next publication on.
            addressed.validate().then().statusCode(200);

            assertThat(given().queryParam("action", "entity.changed")
                            .get("/api/audit")
                            .then()
                            .extract()
                            .jsonPath()
                            .getList("items.subjectKey", String.class))
                    .contains("Service");
        } finally {
            long restore = decide("Service", "accepted");
            Map<String, Object> withoutAddress = serviceShape(entity("Service"), restore, List.of());
            ((List<Map<String, Object>>) withoutAddress.get("attributes"))
                    .removeIf(a -> "installation_address".equals(a.get("name")));
            put(withoutAddress).then().statusCode(200);
        }
        assertThat(entity("Service").getList("attributes.name", String.class)).doesNotContain("installation_address");
        addressed.validate().then().statusCode(422); // the mapping is refused again once the attribute is gone
    }

    @Test
    @TestSecurity(
            user = Descriptors.TEST_OWNER,
            roles = {"admin", "council"})
    void theIdentifierCannotBeDroppedNorTheCoreLeftUnowned() {
        JsonPath service = entity("Service");
        long accepted = decide("Service", "accepted");
        Map<String, Object> change = serviceShape(service, accepted, List.of());
        List<Map<String, Object>> attributes = new ArrayList<>((List<Map<String, Object>>) change.get("attributes"));
        attributes.removeIf(a -> "service_id".equals(a.get("name")));
        attributes.add(Map.of("name", "orphan", "dataType", "text", "meaning", "m", "systemOfRecord", "No Where"));
        change.put("attributes", attributes);
        List<String> fields =
                put(change).then().statusCode(422).extract().jsonPath().getList("errors.field");
        assertThat(fields)
                .contains(
                        "attributes",
                        "attributes[" + (attributes.size() - 1) + "].dataType",
                        "attributes[" + (attributes.size() - 1) + "].systemOfRecord");
        assertThat(entity("Service").getList("attributes.name", String.class)).contains("service_id");
    }

    @Test
    @TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
    void extensionsThatDomainsTypeDifferentlyAreFlaggedAsConflicts() {
        String name = "bw_" + System.nanoTime();
        Descriptors.product(Descriptors.newDomain())
                .column(name, "integer", false, "internal", false, null, "Bandwidth in Mbit/s")
                .publish()
                .then()
                .statusCode(201);
        Descriptors.product(Descriptors.newDomain())
                .column(name, "string", false, "internal", false, null, "Bandwidth class, such as 1G")
                .publish()
                .then()
                .statusCode(201);

        List<Map<String, Object>> conflicts = entity("Service").getList("extensionConflicts");
        Map<String, Object> conflict = conflicts.stream()
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(((Map<String, List<String>>) conflict.get("typesByDomain")).values())
                .containsExactlyInAnyOrder(List.of("integer"), List.of("string"));
        Document page = Jsoup.parse(given().get("/governance/entities/Service").asString());
        assertThat(page.select("#conflicts").text()).contains(name);
    }
}
