package io.signalbox.deprecation;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with a product's deprecation notice (docs/deprecation.md, "Who may do what"): the owner of the
 * product's domain, the owner of another domain, a reader, the council and an anonymous caller, against issue,
 * extend, rescind, the recipients and delivery log, and subscribing.
 */
@QuarkusTest
class DeprecationPermissionsTest {

    Descriptors product;
    Map<String, Supplier<RequestSpecification>> people;

    @BeforeEach
    void publish() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        Descriptors.newDomainWithToken(admin, "bill.billing");
        product = Descriptors.product(domain);
        product.publishWithToken(nora).then().statusCode(201);
        String bill = Tokens.accessToken("bill.billing", "billing");
        String rita = Tokens.accessToken("rita.reader", "reader");
        String carla = Tokens.accessToken("carla.council", "council");
        people = new LinkedHashMap<>();
        people.put("owner", () -> given().auth().oauth2(nora));
        people.put("owner elsewhere", () -> given().auth().oauth2(bill));
        people.put("reader", () -> given().auth().oauth2(rita));
        people.put("council", () -> given().auth().oauth2(carla));
        people.put("anonymous", () -> given().redirects().follow(false));
    }

    @Test
    void onlyTheOwnerIssuesExtendsAndRescinds() {
        for (String who : new String[] {"owner elsewhere", "reader", "council", "anonymous"}) {
            int refused = who.equals("anonymous") ? 401 : 403;
            issue(who).then().statusCode(refused);
        }
        issue("owner").then().statusCode(201);
        for (String who : new String[] {"owner elsewhere", "reader", "council", "anonymous"}) {
            int refused = who.equals("anonymous") ? 401 : 403;
            people.get(who)
                    .get()
                    .contentType("application/json")
                    .body("{\"sunset\": \"2099-01-01\"}")
                    .put(path())
                    .then()
                    .statusCode(refused);
            people.get(who).get().delete(path()).then().statusCode(refused);
        }
        people.get("owner")
                .get()
                .contentType("application/json")
                .body("{\"sunset\": \"2099-01-01\"}")
                .put(path())
                .then()
                .statusCode(200);
        people.get("owner").get().delete(path()).then().statusCode(200);
    }

    @Test
    void theRecipientsAndTheLogAreForTheOwnerAndTheCouncilAndTheNoticeForEveryone() {
        issue("owner").then().statusCode(201);
        Map<String, Integer> log =
                Map.of("owner", 200, "council", 200, "owner elsewhere", 403, "reader", 403, "anonymous", 401);
        log.forEach((who, status) -> {
            people.get(who).get().get(path() + "/deliveries").then().statusCode(status);
            people.get(who).get().get(path() + "/recipients").then().statusCode(status);
            people.get(who).get().get(path()).then().statusCode(who.equals("anonymous") ? 401 : 200);
        });
    }

    @Test
    void everyoneSignedInSubscribesThemselvesAndAnonymousCannot() {
        for (String who : new String[] {"owner", "owner elsewhere", "reader", "council"}) {
            people.get(who)
                    .get()
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/products/" + product.key() + "/subscription")
                    .then()
                    .statusCode(201);
            people.get(who)
                    .get()
                    .delete("/api/products/" + product.key() + "/subscription")
                    .then()
                    .statusCode(204);
            people.get(who)
                    .get()
                    .delete("/api/products/" + product.key() + "/subscription")
                    .then()
                    .statusCode(404);
        }
        people.get("anonymous")
                .get()
                .contentType("application/json")
                .body("{}")
                .post("/api/products/" + product.key() + "/subscription")
                .then()
                .statusCode(401);
        people.get("anonymous").get().get("/api/me/subscriptions").then().statusCode(401);
    }

    private io.restassured.response.Response issue(String who) {
        return people.get(who)
                .get()
                .contentType("application/json")
                .body("{\"reason\": \"Replaced\", \"sunset\": \"2098-01-01\", \"successor\": \"none\","
                        + " \"noSuccessorReason\": \"No longer collected\"}")
                .post(path());
    }

    private String path() {
        return "/api/products/" + product.key() + "/deprecation";
    }
}
