package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static io.signalbox.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PagedLists;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class PublishingTest {

    @Test
    void aValidDescriptorIsPublishedAndReadableAsJson() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);

        product.publish()
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/products/" + product.key() + "/versions/1.0.0"))
                .body("key", equalTo(product.key()))
                .body("version", equalTo("1.0.0"))
                .body("created", equalTo(true))
                .body("url", equalTo("/products/" + product.key()))
                .body("api", equalTo("/api/products/" + product.key() + "/versions/1.0.0"));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("domain", equalTo(domain))
                .body("status", equalTo("published"))
                .body("currentVersion", equalTo("1.0.0"))
                .body("version.owner.email", equalTo("ana.costa@example.com"))
                .body("version.schema[0].columns", hasSize(2))
                .body("version.schema[0].columns[0].canonicalAttribute", equalTo("Service.service_id"))
                .body("version.consumers[0].team", equalTo("Billing Operations"))
                .body("versions.version", hasItem("1.0.0"));
    }

    @Test
    void aNewerVersionBecomesCurrentAndTheOlderOneStaysReadableWithItsOwnSchema() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        product.version("1.1.0")
                .changelog("Adds the service's region.")
                .column("region", "string", false, "public", false, null, "Region the service runs in");
        product.publish()
                .then()
                .statusCode(201)
                .body("key", equalTo(product.key()))
                .body("version", equalTo("1.1.0"))
                .body("created", equalTo(true));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo("1.1.0"))
                .body("version.version", equalTo("1.1.0"))
                .body("version.changelog", equalTo("Adds the service's region."))
                .body("version.schema[0].columns.name", contains("service_id", "service_name", "region"));

        given().get("/api/products/" + product.key() + "/versions/1.0.0")
                .then()
                .statusCode(200)
                .body("version", equalTo("1.0.0"))
                .body("changelog", equalTo("First publication."))
                .body("schema[0].name", equalTo("main"))
                .body("schema[0].columns.name", contains("service_id", "service_name"));

        given().get("/api/products/" + product.key() + "/versions/1.1.0")
                .then()
                .statusCode(200)
                .body("version", equalTo("1.1.0"))
                .body("schema[0].columns.name", contains("service_id", "service_name", "region"))
                .body("schema[0].columns[2].classification", equalTo("public"));
    }

    @Test
    void theVersionListShowsTheNewestFirstBySemanticOrder() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        // 1.10.0 is newer than 1.9.0 although it sorts before it as text.
        for (String version : new String[] {"1.0.0", "1.2.0-rc.1", "1.2.0", "1.9.0", "1.10.0"}) {
            product.version(version).changelog("Release " + version);
            product.publish().then().statusCode(201).body("version", equalTo(version));
        }

        given().get("/api/products/" + product.key() + "/versions")
                .then()
                .statusCode(200)
                .body("items.version", contains("1.10.0", "1.9.0", "1.2.0", "1.2.0-rc.1", "1.0.0"))
                .body("items.current", contains(true, false, false, false, false))
                .body("items[0].changelog", equalTo("Release 1.10.0"))
                .body("items.publishedBy", hasItem(Descriptors.TEST_OWNER));
    }

    @Test
    void republishingIdenticalContentAnswers200AndAddsNoVersion() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        String publishedAt =
                given().get("/api/products/" + product.key()).then().extract().path("version.publishedAt");

        product.publish()
                .then()
                .statusCode(200)
                .header("Location", nullValue())
                .body("key", equalTo(product.key()))
                .body("version", equalTo("1.0.0"))
                .body("created", equalTo(false));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("versions.version", contains("1.0.0"))
                .body("version.publishedAt", equalTo(publishedAt));
    }

    @Test
    void republishingAnOlderVersionIdenticallyIsHarmless() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        product.version("1.1.0").publish().then().statusCode(201);

        product.version("1.0.0").publish().then().statusCode(200).body("created", equalTo(false));

        given().get("/api/products/" + product.key())
                .then()
                .body("currentVersion", equalTo("1.1.0"))
                .body("versions.version", contains("1.1.0", "1.0.0"));
    }

    @Test
    void theSameVersionWithDifferentContentIsAConflict() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        problem(product.purpose("A different purpose, same version number.").publish(), 409)
                .body("type", endsWith("/conflict"))
                .body("errors[0].field", equalTo("product.version"))
                .body("errors[0].message", containsString("new version number"));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("versions.version", contains("1.0.0"))
                .body("version.purpose", equalTo("Every network service with its current lifecycle state."));
    }

    @Test
    void aLowerVersionIsRefused() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).version("2.0.0");
        product.publish().then().statusCode(201);

        problem(product.version("1.5.0").publish(), 422)
                .body("type", endsWith("/invalid-content"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("product.version"))
                .body(
                        "errors[0].message",
                        containsString("no 1.x version was ever published, and the current version is 2.0.0"));

        given().get("/api/products/" + product.key())
                .then()
                .body("currentVersion", equalTo("2.0.0"))
                .body("versions.version", contains("2.0.0"));
    }

    @Test
    void aJsonArrayOfTheTwoDocumentsPublishesToo() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);

        product.publishJson()
                .then()
                .statusCode(201)
                .body("key", equalTo(product.key()))
                .body("version", equalTo("1.0.0"))
                .body("created", equalTo(true));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body(
                        "version.title",
                        equalTo("Service inventory " + product.key().substring(domain.length() + 1)))
                .body("version.classification", equalTo("internal"))
                .body("version.schema[0].columns.name", contains("service_id", "service_name"))
                .body("version.sla.freshness", equalTo("daily by 06:00 UTC"))
                .body("version.sla.availability", equalTo("99.5%"));

        // The same meaning sent as YAML is recognised as the same publication.
        product.publish().then().statusCode(200).body("created", equalTo(false));
        given().get("/api/products/" + product.key() + "/versions").then().body("items.version", contains("1.0.0"));
    }

    @Test
    void changingTheSlugOfAnExistingProductIsRefused() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        String originalKey = product.key();

        product.slug("renamed-inventory").version("1.1.0");
        problem(product.publish(), 422)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("product.customProperties"))
                .body("errors[0].message", containsString(originalKey));

        given().get("/api/products/" + domain + ".renamed-inventory").then().statusCode(404);
        given().get("/api/products/" + originalKey).then().statusCode(200).body("versions.version", contains("1.0.0"));
    }

    @Test
    void anotherProductCannotTakeAnExistingKey() {
        String domain = Descriptors.newDomain();
        Descriptors first = Descriptors.product(domain).externalId("first-product-id");
        first.publish().then().statusCode(201);

        Descriptors second = Descriptors.product(domain)
                .externalId("second-product-id")
                .slug(first.key().split("\\.", 2)[1]);
        problem(second.publish(), 409)
                .body("errors[0].field", equalTo("product.id"))
                .body("errors[0].message", containsString("first-product-id"));

        given().get("/api/products/" + first.key())
                .then()
                .statusCode(200)
                .body("externalId", equalTo("first-product-id"))
                .body("versions.version", contains("1.0.0"));
    }

    @Test
    void listingByDomainShowsOnlyThatDomainsProducts() {
        String domain = Descriptors.newDomain();
        String otherDomain = Descriptors.newDomain();
        Descriptors a = Descriptors.product(domain).slug("alpha");
        Descriptors b = Descriptors.product(domain).slug("beta");
        Descriptors other = Descriptors.product(otherDomain).slug("alpha");
        a.publish().then().statusCode(201);
        b.publish().then().statusCode(201);
        Notices.forProduct(b.key()).issue();
        other.publish().then().statusCode(201);

        given().queryParam("domain", domain)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items.key", contains(domain + ".alpha", domain + ".beta"))
                .body("items.domain", contains(domain, domain))
                .body("items.status", contains("published", "deprecated"))
                .body("items.version", contains("1.0.0", "1.0.0"))
                .body("items.ownerEmail", contains("ana.costa@example.com", "ana.costa@example.com"));

        given().queryParam("domain", otherDomain)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items.key", contains(otherDomain + ".alpha"));

        given().queryParam("domain", "no-such-domain")
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items", empty());

        List<Object> everyKey = PagedLists.allItems("/api/products?size=200").stream()
                .map(item -> item.get("key"))
                .toList();
        Assertions.assertThat(everyKey).contains(domain + ".alpha", otherDomain + ".alpha");

        Map<String, Object> counted =
                PagedLists.itemWithKey("/api/domains", domain).orElseThrow();
        Assertions.assertThat(counted)
                .containsEntry("products", 2)
                .containsEntry("published", 1)
                .containsEntry("deprecated", 1);
    }

    @Test
    void anUnknownProductIsNotFound() {
        String domain = Descriptors.newDomain();
        for (String path : new String[] {"", "/versions", "/versions/1.0.0"}) {
            problem(given().get("/api/products/" + domain + ".nothing-here" + path), 404)
                    .body("type", endsWith("/not-found"))
                    .body("title", equalTo("Not found"))
                    .body("detail", containsString(domain + ".nothing-here"))
                    .body("errors", empty());
        }
    }

    @Test
    void anUnknownVersionIsNotFound() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        problem(given().get("/api/products/" + product.key() + "/versions/9.9.9"), 404)
                .body("detail", containsString("9.9.9"))
                .body("detail", not(containsString("SQL")));
        Api.problem(given().get("/api/products/" + product.key() + "/versions/not-a-version"), 404);
    }

    // --- content the reader accepts must also fit the store: 201, or a 422 naming the field, never a 500 ---------

    @Test
    void aLongSlaValueWithAUnitIsStoredOrRefusedButNeverFails() {
        String domain = Descriptors.newDomain();
        String value = "refreshed after the nightly reconciliation ".repeat(5).substring(0, 200);
        Descriptors product =
                Descriptors.product(domain).withoutSla().slaProperty("freshness", Descriptors.quote(value), "hours");

        storedOrRefused(
                product.publish(),
                domain,
                product.key(),
                "contracts[0].slaProperties[0]",
                stored -> stored.body("version.sla.freshness", equalTo(value + " hours")));
    }

    @Test
    void longNestedColumnNamesAreStoredOrRefusedButNeverFail() {
        String domain = Descriptors.newDomain();
        String parent = "p".repeat(128);
        String child = "c".repeat(128);
        Descriptors product = Descriptors.product(domain)
                .columnYaml("      - name: " + parent + "\n        logicalType: object\n        properties:\n"
                        + "          - name: " + child + "\n            logicalType: string\n");

        storedOrRefused(
                product.publish(),
                domain,
                product.key(),
                "contracts[0].schema[0].properties[2]",
                stored -> stored.body("version.schema[0].columns.name", hasItem(parent + "." + child)));
    }

    @Test
    void preReleasesWithHugeNumbersAreComparedLikeAnyOther() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).version("1.0.0-99999999999999999999");
        product.publish().then().statusCode(201);

        problem(product.version("1.0.0-99999999999999999998").publish(), 422)
                .body("errors[0].field", equalTo("product.version"));
        product.version("1.0.0-100000000000000000000").publish().then().statusCode(201);

        given().get("/api/products/" + product.key() + "/versions")
                .then()
                .statusCode(200)
                .body("items.version", contains("1.0.0-100000000000000000000", "1.0.0-99999999999999999999"));
    }

    /** A publication the reader accepted is either stored whole (201) or refused with a 422 naming the field. */
    private static void storedOrRefused(
            Response answer, String domain, String key, String fieldPrefix, Consumer<ValidatableResponse> storedCheck) {
        int status = answer.statusCode();
        if (status == 201) {
            storedCheck.accept(given().get("/api/products/" + key).then().statusCode(200));
        } else if (status == 422) {
            problem(answer, 422).body("errors[0].field", startsWith(fieldPrefix));
            Api.assertNothingStored(domain, key);
        } else {
            fail("expected 201 or 422 but the publication answered " + status + ": " + answer.asString());
        }
    }
}
