package io.signalbox.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may do what, with real tokens from the real provider for each demo user of the realm: the group
 * /domains/network/owners makes nora.network an owner of network, realm roles make council and admin.
 */
@QuarkusTest
class AccessControlTest {

    private static final Map<String, String> PASSWORDS = Map.of(
            "rita.reader", "reader",
            "nora.network", "network",
            "bill.billing", "billing",
            "carla.council", "council",
            "adam.admin", "admin");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static RequestSpecification as(String user) {
        if ("anonymous".equals(user)) {
            return given().redirects().follow(false);
        }
        String token = TOKENS.computeIfAbsent(user, u -> Tokens.accessToken(u, PASSWORDS.get(u)));
        return given().redirects().follow(false).auth().oauth2(token);
    }

    @BeforeEach
    void theNetworkAndBillingDomainsExist() {
        for (String domain : new String[] {"network", "billing"}) {
            as("adam.admin")
                    .contentType("application/json")
                    .body("{\"name\":\"" + domain + "\",\"businessOwner\":\"Owner <o@example.com>\","
                            + "\"technicalContact\":\"t@example.com\",\"description\":\"Access-control test domain\"}")
                    .put("/api/domains/" + domain)
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
    }

    // One descriptor for the whole class, so that every publication of it is the same content.
    private static final String NETWORK_PRODUCT = Descriptors.product("network")
            .slug("acl-product")
            .title("Access-control product")
            .externalId("acl-product-network")
            .yaml();

    private static Response publishNetworkProductAs(String user) {
        return as(user).contentType("application/yaml")
                .body(NETWORK_PRODUCT.getBytes(StandardCharsets.UTF_8))
                .post("/api/products");
    }

    @ParameterizedTest(name = "{0} publishing a network product gets {1}")
    @CsvSource({
        "anonymous, 401",
        "rita.reader, 403",
        "nora.network, 2xx",
        "bill.billing, 403",
        "carla.council, 403",
        "adam.admin, 403"
    })
    void onlyOwnersOfTheDomainPublishItsProducts(String user, String expected) {
        int status = publishNetworkProductAs(user).then().extract().statusCode();

        if (expected.equals("2xx")) {
            assertThat(status).isIn(200, 201);
        } else {
            assertThat(status).isEqualTo(Integer.parseInt(expected));
        }
    }

    @Test
    void aPipelineWithABearerTokenIsNotMistakenForACrossSiteBrowser() {
        as("nora.network")
                .header("Origin", "https://ci.example")
                .contentType("application/yaml")
                .body(NETWORK_PRODUCT.getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void aRefusedPublisherIsToldWhichDomainsTheyOwn() {
        publishNetworkProductAs("bill.billing")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Only owners of domain 'network' may publish"))
                .body("detail", containsString("You own billing"));
    }

    @ParameterizedTest(name = "{0} changing a domain gets {1}")
    @CsvSource({"anonymous, 401", "rita.reader, 403", "nora.network, 403", "carla.council, 403", "adam.admin, 200"})
    void onlyAdminsRegisterOrChangeDomains(String user, int expected) {
        as(user).contentType("application/json")
                .body("{\"name\":\"billing\",\"businessOwner\":\"Owner <o@example.com>\","
                        + "\"technicalContact\":\"t@example.com\",\"description\":\"Access-control test domain\"}")
                .put("/api/domains/billing")
                .then()
                .statusCode(expected);
    }

    @ParameterizedTest(name = "{0} granting ownership gets {1}")
    @CsvSource({"anonymous, 401", "rita.reader, 403", "nora.network, 403", "carla.council, 403"})
    void onlyAdminsGrantOwnership(String user, int expected) {
        as(user).put("/api/domains/network/owners/rita.reader").then().statusCode(expected);
        as(user).delete("/api/domains/network/owners/rita.reader").then().statusCode(expected);
    }

    @Test
    void anOwnershipGrantedByAnAdminLetsThePersonPublish() {
        as("adam.admin")
                .put("/api/domains/billing/owners/carla.council")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        Descriptors product = Descriptors.product("billing")
                .slug("granted-product")
                .title("Granted product")
                .externalId("granted-product-billing");

        as("carla.council")
                .contentType("application/yaml")
                .body(product.yaml().getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        as("adam.admin")
                .delete("/api/domains/billing/owners/carla.council")
                .then()
                .statusCode(200);
        as("carla.council")
                .contentType("application/yaml")
                .body(product.version("1.1.0").yaml().getBytes(StandardCharsets.UTF_8))
                .post("/api/products")
                .then()
                .statusCode(403);
    }

    @ParameterizedTest(name = "{0} reading the catalog API gets {1}")
    @CsvSource({"anonymous, 401", "rita.reader, 200", "nora.network, 200", "carla.council, 200", "adam.admin, 200"})
    void everySignedInPersonReadsTheCatalog(String user, int expected) {
        as(user).get("/api/products").then().statusCode(expected);
        as(user).get("/api/domains").then().statusCode(expected);
    }

    /** A real token of the same realm and user, but issued to Keycloak's own admin-cli client, not to Signalbox. */
    @Test
    void aTokenIssuedToAnotherClientIsRefused() {
        String foreign = given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "adam.admin")
                .formParam("password", "admin")
                .post(io.signalbox.testing.KeycloakTestResource.authServerUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        given().auth().oauth2(foreign).get("/api/products").then().statusCode(401);
        given().auth().oauth2(foreign).get("/api/audit").then().statusCode(401);
        given().redirects()
                .follow(false)
                .auth()
                .oauth2(foreign)
                .get("/domains")
                .then()
                .statusCode(401);
        as("adam.admin").get("/api/audit").then().statusCode(200);
    }

    /** The demo realm sends sign-in codes to the portal's own addresses only, never to a look-alike host. */
    @Test
    void signInCodesGoOnlyToThePortal() {
        String authorize = io.signalbox.testing.KeycloakTestResource.authServerUrl() + "/protocol/openid-connect/auth";
        for (String portal : List.of("http://localhost:", "http://127.0.0.1:")) {
            given().queryParam("client_id", "signalbox-portal")
                    .queryParam("response_type", "code")
                    .queryParam("scope", "openid")
                    .queryParam("redirect_uri", portal + io.restassured.RestAssured.port + "/domains")
                    .get(authorize)
                    .then()
                    .statusCode(200);
        }
        for (String stranger : List.of(
                "http://localhost.evil.example/domains",
                "http://localhost:" + io.restassured.RestAssured.port + ".evil.example/",
                "http://127.0.0.1.evil.example/")) {
            given().queryParam("client_id", "signalbox-portal")
                    .queryParam("response_type", "code")
                    .queryParam("scope", "openid")
                    .queryParam("redirect_uri", stranger)
                    .get(authorize)
                    .then()
                    .statusCode(400);
        }
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        given().redirects()
                .follow(false)
                .get("/domains")
                .then()
                .statusCode(302)
                .header("Location", startsWith(io.signalbox.testing.KeycloakTestResource.authServerUrl()));
    }

    @ParameterizedTest(name = "{0} reading the whole audit log gets {1}")
    @CsvSource({"anonymous, 401", "rita.reader, 403", "carla.council, 200", "adam.admin, 200"})
    void theWholeAuditLogIsForTheCouncilAndAdmins(String user, int expected) {
        as(user).get("/api/audit").then().statusCode(expected);
    }

    @Test
    void aDomainOwnerSeesOnlyTheirDomainsInTheAuditLog() {
        publishNetworkProductAs("nora.network").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        // nora may own other domains through grants made by other tests, never billing.
        as("nora.network")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items.domainKey", hasItem("network"))
                .body("items.domainKey", everyItem(not(equalTo("billing"))));
        as("nora.network").get("/api/audit?domain=billing").then().statusCode(403);
    }
}
