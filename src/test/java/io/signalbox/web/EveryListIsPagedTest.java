package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.EveryRouteHostileValuesTest.Route;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: every list the API answers follows the one paging contract of {@link Paging}, proven on every GET route
 * under {@code /api}, discovered from the resources like {@link EveryRouteHostileValuesTest} (no hand list of routes).
 *
 * <p>A route whose Java return type is a {@link Collection} or an array answers a list that grows with the catalog:
 * lists must be {@link Paging.Page}. A route that returns a {@code Response} is requested, and a bare JSON array in
 * its answer is the same failure. A paged route (returning {@code Page}, or declaring the {@code size} and {@code
 * after} query parameters of the contract) is exercised: its first page is {@code {"items": [...]}} with the {@code
 * next} link also in an RFC 8288 {@code Link} header; {@code size=0} and {@code size=100000} are a 400 naming {@code
 * size}; a cursor we did not write is a 400 naming {@code after}.
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class EveryListIsPagedTest {

    /**
     * Routes still answering a bare list while their features are converted on other branches (issue 12). This list
     * only shrinks: a route on it that is paged by now fails the test until it is taken off.
     */
    static final Set<String> BOUNDED_BY_THE_CODE = Set.of(
            // One rule per check in the code (about a dozen): bounded by the code, not by the catalog.
            "GET /api/governance/rules");

    private static final ObjectMapper JSON = new ObjectMapper();

    private String domain;
    private String productKey;
    private String ruleId;
    private String entityName;

    @BeforeEach
    void aDomainWithAProductAndAGlossaryTerm() {
        domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        productKey = product.key();
        given().contentType("application/json")
                .body("{\"definition\": \"A customer who leaves.\"}")
                .put("/api/domains/" + domain + "/glossary/churn")
                .then()
                .statusCode(201);
        ruleId = firstOf("/api/governance/rules", "id");
        entityName = firstOf("/api/governance/entities", "name");
    }

    @Test
    void everyApiListIsAPageThatRefusesSizesOutOfRangeAndCursorsNotOurs() throws Exception {
        List<Route> routes = apiReads();
        assertThat(routes)
                .as("GET routes under /api discovered from the resources")
                .hasSizeGreaterThan(10);

        List<String> failures = new ArrayList<>();
        Set<String> bareLists = new TreeSet<>();
        int paged = 0;
        for (Route route : routes) {
            String label = route.httpMethod() + " " + route.template();
            if (answersACollection(route.handler())) {
                bareLists.add(label);
                continue;
            }
            if (isPaged(route)) {
                paged++;
                checkTheContract(route, failures);
                continue;
            }
            Response answer = given().accept("application/json").get(fixturePath(route));
            if (answer.statusCode() == 200
                    && answer.contentType().startsWith("application/json")
                    && JSON.readTree(answer.asString()).isArray()) {
                bareLists.add(label);
            }
        }

        for (String label : bareLists) {
            if (!BOUNDED_BY_THE_CODE.contains(label)) {
                failures.add(label + " answers a bare list: lists must be web.Paging.Page (issue 12)");
            }
        }
        for (String label : BOUNDED_BY_THE_CODE) {
            if (!bareLists.contains(label)) {
                failures.add(label + " is paged now (or gone): take it off BOUNDED_BY_THE_CODE");
            }
        }
        assertThat(paged).as("paged routes exercised (the audit log at least)").isPositive();
        assertThat(failures).as("routes breaking the paging contract").isEmpty();
    }

    private void checkTheContract(Route route, List<String> failures) throws Exception {
        String label = route.httpMethod() + " " + route.template();
        String path = fixturePath(route);

        Response first = given().get(path);
        if (first.statusCode() != 200) {
            failures.add(label + ": the first page answers " + first.statusCode() + " " + first.asString());
            return;
        }
        JsonNode body = JSON.readTree(first.asString());
        if (!body.path("items").isArray()) {
            failures.add(label + ": the answer has no 'items' array: " + abbreviated(first.asString()));
        }
        String next = body.path("next").isTextual() ? body.get("next").asText() : null;
        String link = first.header("Link");
        if (next != null && !("<" + next + ">; rel=\"next\"").equals(link)) {
            failures.add(label + ": 'next' is " + next + " but the Link header is " + link);
        }

        expectRefusal(label, path + query(path, "size=0"), "size", failures);
        expectRefusal(label, path + query(path, "size=100000"), "size", failures);
        expectRefusal(label, path + query(path, "after=garbage!"), "after", failures);
    }

    private static void expectRefusal(String label, String path, String field, List<String> failures) {
        Response answer = given().urlEncodingEnabled(false).get(path);
        List<String> fields = answer.statusCode() == 400 ? answer.jsonPath().getList("errors.field") : null;
        if (fields == null || !fields.contains(field)) {
            failures.add(label + ": " + path + " → " + answer.statusCode() + " " + abbreviated(answer.asString())
                    + " (expected 400 naming " + field + ")");
        }
    }

    // ---- what the resources declare ----

    private List<Route> apiReads() {
        return EveryRouteHostileValuesTest.discoverRoutes(getClass().getClassLoader()).stream()
                .filter(route -> route.httpMethod().equals("GET"))
                .filter(route -> route.template().startsWith("/api/"))
                .toList();
    }

    private static boolean answersACollection(Method handler) {
        Class<?> type = handler.getReturnType();
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }

    /** Returns a {@code Page}, or declares the contract's parameters (a {@code Response} built from a page). */
    private static boolean isPaged(Route route) {
        Map<String, Class<?>> parameters = route.queryParameters();
        return route.handler().getReturnType() == Paging.Page.class
                || (parameters.containsKey("size") && parameters.containsKey("after"));
    }

    // ---- real values for path parameters ----

    private String fixturePath(Route route) {
        String path = route.template();
        for (String parameter : route.pathParameters()) {
            path = path.replace("{" + parameter + "}", fixtureValue(route, parameter));
        }
        return path;
    }

    private String fixtureValue(Route route, String parameter) {
        return switch (parameter) {
            case "key" -> route.template().contains("products/") ? productKey : domain;
            case "version" -> "1.0.0";
            case "term" -> "churn";
            case "id" -> ruleId;
            case "name" -> entityName;
            case "alias" -> "sensitive";
            default ->
                throw new AssertionError("No fixture value for {" + parameter + "} of " + route.template()
                        + ": add one so that the route is requested with a real value");
        };
    }

    /** A field of the first item of a list, whether it answers a bare array or a page (both exist meanwhile). */
    private static String firstOf(String path, String field) {
        String body = given().get(path).then().statusCode(200).extract().asString();
        try {
            JsonNode list = JSON.readTree(body);
            JsonNode items = list.isArray() ? list : list.path("items");
            return items.get(0).get(field).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(path + " answered no JSON: " + body, e);
        }
    }

    private static String query(String path, String parameter) {
        return (path.contains("?") ? "&" : "?") + parameter;
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
