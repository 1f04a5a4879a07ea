package io.signalbox.catalog.domain;

import static io.restassured.RestAssured.given;
import static io.signalbox.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PagedLists;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DomainApiTest {

    private static final String VALID = "{\"name\":\"Network\",\"description\":\"Services and their inventory\","
            + "\"businessOwner\":\"Olga Owner <olga@example.com>\",\"technicalContact\":\"net-data@example.com\"}";

    @Test
    void putCreatesADomainThenUpdatesIt() {
        String key = newKey();

        put(key, VALID)
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/domains/" + key))
                .body("key", equalTo(key))
                .body("name", equalTo("Network"))
                .body("description", equalTo("Services and their inventory"))
                .body("businessOwner", equalTo("Olga Owner <olga@example.com>"))
                .body("technicalContact", equalTo("net-data@example.com"))
                .body("lockVersion", equalTo(0))
                .body("productCount", equalTo(0))
                .body("recentlyPublished", empty());
        String createdAt = given().get("/api/domains/" + key).then().extract().path("createdAt");

        put(
                        key,
                        "{\"name\":\"  Network & Access  \",\"businessOwner\":\"Olga Owner\","
                                + "\"technicalContact\":\"net-data@example.com\",\"lockVersion\":0}")
                .then()
                .statusCode(200)
                .header("Location", nullValue())
                .body("key", equalTo(key))
                .body("name", equalTo("Network & Access"))
                .body("description", equalTo(""))
                .body("businessOwner", equalTo("Olga Owner"))
                .body("lockVersion", equalTo(1))
                .body("createdAt", equalTo(createdAt));

        String updatedAt = given().get("/api/domains/" + key)
                .then()
                .statusCode(200)
                .body("name", equalTo("Network & Access"))
                .body("lockVersion", equalTo(1))
                .body("createdAt", equalTo(createdAt))
                .extract()
                .path("updatedAt");
        assertFalse(Instant.parse(updatedAt).isBefore(Instant.parse(createdAt)));
    }

    @Test
    void anUpdateWithoutLockVersionOverwrites() {
        String key = newKey();
        put(key, VALID).then().statusCode(201);

        put(key, VALID.replace("\"Network\"", "\"Network 2\""))
                .then()
                .statusCode(200)
                .body("name", equalTo("Network 2"))
                .body("lockVersion", equalTo(1));
    }

    @Test
    void theDomainListShowsEachDomainWithItsProductCounts() {
        String key = Descriptors.newDomain();
        String empty = Descriptors.newDomain();
        Descriptors.product(key).publish().then().statusCode(201);
        Descriptors deprecated = Descriptors.product(key);
        deprecated.publish().then().statusCode(201);
        Notices.forProduct(deprecated.key()).issue();
        Descriptors.product(key).status("draft").publish().then().statusCode(201);

        assertThat(PagedLists.itemWithKey("/api/domains", key).orElseThrow())
                .isEqualTo(Map.of("key", key, "name", "Domain " + key, "products", 3, "published", 1, "deprecated", 1));
        assertThat(PagedLists.itemWithKey("/api/domains", empty).orElseThrow())
                .isEqualTo(Map.of(
                        "key", empty, "name", "Domain " + empty, "products", 0, "published", 0, "deprecated", 0));

        given().get("/api/domains/" + key)
                .then()
                .statusCode(200)
                .body("productCount", equalTo(3))
                .body("recentlyPublished", hasSize(3))
                .body("recentlyPublished.domain", contains(key, key, key));
    }

    @Test
    void aStaleLockVersionIsAConflict() {
        String key = newKey();
        put(key, VALID).then().statusCode(201);
        put(key, withLockVersion(VALID.replace("\"Network\"", "\"First edit\""), 0))
                .then()
                .statusCode(200)
                .body("lockVersion", equalTo(1));

        problem(put(key, withLockVersion(VALID.replace("\"Network\"", "\"Second edit\""), 0)), 409)
                .body("type", endsWith("/conflict"))
                .body("errors.field", contains("lockVersion"))
                .body("errors[0].message", containsString("lockVersion is now 1"));

        given().get("/api/domains/" + key)
                .then()
                .body("name", equalTo("First edit"))
                .body("lockVersion", equalTo(1));
    }

    @Test
    void aMissingNameIsRefused() {
        String key = newKey();

        problem(put(key, VALID.replace("\"name\":\"Network\",", "")), 422)
                .body("type", endsWith("/invalid-content"))
                .body("errors.field", contains("name"))
                .body("errors[0].message", equalTo("is required"));
        problem(put(key, VALID.replace("\"Network\"", "\"   \"")), 422).body("errors.field", contains("name"));

        problem(given().get("/api/domains/" + key), 404);
    }

    @Test
    void everyMissingFieldIsListed() {
        String key = newKey();

        problem(put(key, "{}"), 422)
                .body("errors.field", containsInAnyOrder("name", "businessOwner", "technicalContact"))
                .body("detail", containsString("3 fields need attention"));
        problem(given().get("/api/domains/" + key), 404);
    }

    @Test
    void anOverLongNameIsRefused() {
        String key = newKey();

        problem(put(key, VALID.replace("\"Network\"", "\"" + "N".repeat(121) + "\"")), 422)
                .body("errors.field", contains("name"))
                .body("errors[0].message", containsString("longer than 120"));
        problem(given().get("/api/domains/" + key), 404);
    }

    @Test
    void anInvalidKeyIsRefused() {
        for (String key : new String[] {"Bad_Key", "a", "1network", "x".repeat(41)}) {
            problem(put(key, VALID), 422)
                    .body("errors.field", contains("key"))
                    .body("errors[0].message", containsString("lowercase letters"));
            problem(given().get("/api/domains/" + key), 404);
        }
    }

    @Test
    void malformedJsonIsRefused() {
        String key = newKey();

        problem(put(key, "{\"name\": \"Network\","), 400).body("title", not(emptyOrNullString()));
        problem(given().get("/api/domains/" + key), 404);
    }

    @Test
    void malformedJsonNamesTheBodyAndWhereItBroke() {
        String key = newKey();

        problem(put(key, "{\"name\": \"Network\","), 400)
                .body("type", endsWith("/malformed-request"))
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("is not well-formed JSON at line"));
    }

    @Test
    void anUnknownJsonFieldIsRefused() {
        String key = newKey();

        problem(put(key, VALID.replace("{", "{\"colour\":\"blue\",")), 400)
                .body("errors.field", contains("colour"))
                .body("errors[0].message", containsString("is not a field of this resource"));
        problem(given().get("/api/domains/" + key), 404);
    }

    @Test
    void aWrongJsonTypeIsRefused() {
        String key = newKey();
        put(key, VALID).then().statusCode(201);

        problem(put(key, withLockVersion(VALID, "\"abc\"")), 400)
                .body("errors.field", contains("lockVersion"))
                .body("errors[0].message", not(containsString("io.signalbox")));
        given().get("/api/domains/" + key).then().body("lockVersion", equalTo(0));
    }

    @Test
    void aWrongJsonTypeIsRefusedAndChangesNothing() {
        String key = newKey();
        put(key, VALID).then().statusCode(201);

        put(key, withLockVersion(VALID.replace("\"Network\"", "\"Changed\""), "\"abc\""))
                .then()
                .statusCode(400);
        given().get("/api/domains/" + key)
                .then()
                .body("name", equalTo("Network"))
                .body("lockVersion", equalTo(0));
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsRefusedWithAProblemDocument() {
        String key = newKey();

        problem(put(key, "[1]"), 400).body("errors[0].field", equalTo("body"));
        problem(given().get("/api/domains/" + key), 404);
    }

    @Test
    void anUnknownDomainIsNotFound() {
        String key = newKey();

        problem(given().get("/api/domains/" + key), 404)
                .body("type", endsWith("/not-found"))
                .body("detail", containsString(key))
                .body("errors", empty());
    }

    @Test
    void aNonJsonBodyIsRefused() {
        String key = newKey();

        problem(given().contentType("text/plain").body(VALID).put("/api/domains/" + key), 415);
        problem(given().get("/api/domains/" + key), 404);
    }

    private static String newKey() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Response put(String key, String json) {
        return given().contentType("application/json").body(json).put("/api/domains/" + key);
    }

    private static String withLockVersion(String json, Object lockVersion) {
        assertEquals('}', json.charAt(json.length() - 1));
        return json.substring(0, json.length() - 1) + ",\"lockVersion\":" + lockVersion + "}";
    }
}
