package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static io.signalbox.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The publication gate learns the lifecycle (issue 13): deprecated and retired come from a deprecation notice, never
 * from a descriptor alone; a retired product or line takes no new version; an active notice governs the status; and a
 * new major line is answered with an offer to deprecate the one it leaves behind. The dry run answers the same.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class PublicationLifecycleTest {

    private static String fix(String key) {
        return "issue a deprecation notice first: POST /api/products/" + key + "/deprecation or the 'Deprecate' button"
                + " on the product page, at least 90 days before the sunset";
    }

    /** The refusal's field problems, after checking the publication and its dry run answer the same 422. */
    private static List<Map<String, String>> refusedAlikeByPublishAndDryRun(Descriptors product) {
        JsonPath dryRun = problem(product.validate(), 422).extract().jsonPath();
        JsonPath published = problem(product.publish(), 422).extract().jsonPath();
        assertThat(dryRun.getList("errors")).isEqualTo(published.getList("errors"));
        assertThat(dryRun.getString("title")).isEqualTo("The product's lifecycle does not allow this publication");
        return published.getList("errors");
    }

    @Test
    void aNewProductWhoseFirstVersionSaysDeprecatedOrRetiredIsRefused() {
        String domain = Descriptors.newDomain();
        Descriptors deprecated = Descriptors.product(domain).status("deprecated");
        List<Map<String, String>> errors = refusedAlikeByPublishAndDryRun(deprecated);
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("product.status");
        assertThat(errors.get(0).get("message"))
                .startsWith("says deprecated for a product never published: a new product starts active")
                .contains("POST /api/products/" + deprecated.key() + "/deprecation");

        Descriptors retired = Descriptors.product(domain).status("retired").productLine("deprecated: true");
        assertThat(refusedAlikeByPublishAndDryRun(retired))
                .extracting(e -> e.get("field"))
                .containsExactly("product.status", "product.deprecated");
        Api.assertNothingStored(domain, deprecated.key());
    }

    @Test
    void sayingDeprecatedWithoutANoticeIsRefusedWithTheFix() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);

        List<Map<String, String>> byStatus =
                refusedAlikeByPublishAndDryRun(product.version("1.1.0").status("deprecated"));
        assertThat(byStatus).hasSize(1);
        assertThat(byStatus.get(0))
                .containsEntry("field", "product.status")
                .containsEntry(
                        "message",
                        "says deprecated, but no active deprecation notice covers " + product.key()
                                + " (major line 1): " + fix(product.key()));

        List<Map<String, String>> byFlag =
                refusedAlikeByPublishAndDryRun(product.status("active").productLine("deprecated: true"));
        assertThat(byFlag).extracting(e -> e.get("field")).containsExactly("product.deprecated");
        assertThat(byFlag.get(0).get("message")).endsWith(fix(product.key()));

        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("currentVersion", equalTo("1.0.0"));
    }

    @Test
    void sayingRetiredIsRefusedWithOrWithoutANotice() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);

        List<Map<String, String>> withoutNotice =
                refusedAlikeByPublishAndDryRun(product.version("1.1.0").status("retired"));
        assertThat(withoutNotice.get(0).get("field")).isEqualTo("product.status");
        assertThat(withoutNotice.get(0).get("message"))
                .contains("retired only at the sunset of a deprecation notice")
                .endsWith(fix(product.key()));

        Notices.forProduct(product.key()).issue();
        List<Map<String, String>> underNotice = refusedAlikeByPublishAndDryRun(product);
        assertThat(underNotice.get(0).get("message"))
                .startsWith("says retired, but the product is retired by its deprecation notice at the sunset on ")
                .endsWith("not by a publication: publish with status: deprecated until then");
    }

    @Test
    void rescindedNoticesCoverNothing() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        Notices.rescind(Notices.forProduct(product.key()).issue());

        assertThat(refusedAlikeByPublishAndDryRun(product.version("1.1.0").status("deprecated")))
                .extracting(e -> e.get("field"))
                .containsExactly("product.status");
    }

    @Test
    void underAnActiveNoticeTheProductStaysDeprecatedWhateverTheNewVersionSays() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        Notices.forProduct(product.key()).issue();
        given().get("/api/products/" + product.key()).then().body("status", equalTo("deprecated"));

        String warning = "under a deprecation notice until its sunset on ";
        product.version("1.1.0")
                .validate()
                .then()
                .statusCode(200)
                .body("descriptorWarnings.field", contains("product.status"))
                .body("descriptorWarnings[0].message", containsString(warning))
                .body("descriptorWarnings[0].message", containsString("the notice governs, so it stays deprecated"));
        product.publish()
                .then()
                .statusCode(201)
                .body("descriptorWarnings.field", contains("product.status"))
                .body("descriptorWarnings[0].message", containsString("says published, but the product is " + warning));

        given().get("/api/products/" + product.key())
                .then()
                .body("status", equalTo("deprecated"))
                .body("currentVersion", equalTo("1.1.0"))
                .body("version.declaredStatus", equalTo("published"));

        // Saying deprecated under the notice is what the notice says: no warning.
        product.version("1.2.0")
                .status("deprecated")
                .publish()
                .then()
                .statusCode(201)
                .body("descriptorWarnings", hasSize(0));
    }

    @Test
    void aRetiredProductTakesNoNewVersion() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        Notices.retire(Notices.forProduct(product.key()).issue());

        for (String version : List.of("1.1.0", "2.0.0")) {
            List<Map<String, String>> errors = refusedAlikeByPublishAndDryRun(product.version(version));
            assertThat(errors).extracting(e -> e.get("field")).containsExactly("product.id");
            assertThat(errors.get(0).get("message"))
                    .contains(product.key() + " was retired on ")
                    .contains("a retired product never becomes active again")
                    .contains("publish the data as a new product (a new id and slug)");
        }
        given().get("/api/products/" + product.key())
                .then()
                .body("status", equalTo("retired"))
                .body("currentVersion", equalTo("1.0.0"));
    }

    @Test
    void aRetiredLineTakesNoNewVersionButANewMajorLinePublishes() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        Notices.retire(Notices.forProduct(product.key()).line(1).issue());
        given().get("/api/products/" + product.key()).then().body("status", equalTo("retired"));

        List<Map<String, String>> errors = refusedAlikeByPublishAndDryRun(product.version("1.1.0"));
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("product.version");
        assertThat(errors.get(0).get("message"))
                .startsWith("major line 1 of " + product.key() + " was retired on ")
                .contains("publish a new major line (2.0.0 or above) or a new product");

        product.version("2.0.0").publish().then().statusCode(201).body("next.deprecatePrevious", nullValue());
        given().get("/api/products/" + product.key())
                .then()
                .body("status", equalTo("published"))
                .body("currentVersion", equalTo("2.0.0"));
    }

    @Test
    void aNewMajorLineIsAnsweredWithAnOfferToDeprecateThePreviousOne() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201).body("next.deprecatePrevious", nullValue());
        product.version("1.1.0").publish().then().statusCode(201).body("next.deprecatePrevious", nullValue());

        product.version("2.0.0")
                .publish()
                .then()
                .statusCode(201)
                .body("next.deprecatePrevious.majorVersion", equalTo(1))
                .body(
                        "next.deprecatePrevious.href",
                        equalTo("/products/" + product.key() + "/deprecation/new?major=1"));
        product.version("2.1.0").publish().then().statusCode(201).body("next.deprecatePrevious", nullValue());
    }

    @Test
    void noOfferWhenThePreviousLineAlreadyHasANotice() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        Notices.forProduct(product.key()).line(1).issue();

        product.version("2.0.0").publish().then().statusCode(201).body("next.deprecatePrevious", nullValue());
        // The notice covers line 1 only: the product, now on line 2, is published again.
        given().get("/api/products/" + product.key()).then().body("status", equalTo("published"));
    }

    @Test
    void thePublishPageOffersToDeprecateThePreviousMajorLine() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        Response published = session.postMultipart(
                "/domains/" + domain + "/publish",
                Map.of(
                        "action",
                        "publish",
                        "descriptor",
                        product.version("2.0.0").yaml()));

        published.then().statusCode(201);
        Document page = Jsoup.parse(published.asString());
        assertThat(page.select("#outcome h2").text()).isEqualTo(product.key() + " 2.0.0 is published");
        assertThat(page.select("#outcome a.deprecate-previous").attr("href"))
                .isEqualTo("/products/" + product.key() + "/deprecation/new?major=1");
        assertThat(page.select("#outcome a.deprecate-previous").text()).isEqualTo("Deprecate major line 1");
    }

    @Test
    void thePublishPageShowsTheRefusalWithItsFix() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        FormSession session = FormSession.openedAt("/domains/" + domain + "/publish");

        Response checked = session.postMultipart(
                "/domains/" + domain + "/publish",
                Map.of(
                        "action",
                        "check",
                        "descriptor",
                        product.version("1.1.0").status("deprecated").yaml()));

        checked.then().statusCode(422);
        assertThat(Jsoup.parse(checked.asString()).select("#outcome").text())
                .contains("product.status", fix(product.key()));
    }
}
