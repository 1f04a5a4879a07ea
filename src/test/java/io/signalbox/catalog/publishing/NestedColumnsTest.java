package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.signalbox.testing.Descriptors;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Fields inside a column (here the items of an array) are columns of their own, through the whole corridor: stored,
 * returned by the API, shown on the product page, found by search, judged by the rules and by schema evolution.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class NestedColumnsTest {

    private static final String SKU = """
                        - name: sku
                          logicalType: string
            """;
    private static final String QUANTITY = """
                        - name: quantity
                          logicalType: integer
            """;

    /** The orders: an order reference and an array of lines, each line with a SKU and a quantity. */
    private static Descriptors orders(String... extraItemFields) {
        return Descriptors.product(Descriptors.newDomain())
                .slug("orders")
                .table("orders")
                .withoutColumns()
                .columnYaml(ordersColumns(SKU, QUANTITY) + String.join("", extraItemFields));
    }

    /** The order reference and the lines, whose items have the given fields (YAML list entries). */
    private static String ordersColumns(String... itemFields) {
        return """
                      - name: order_ref
                        logicalType: string
                        classification: internal
                        description: The order's reference
                      - name: lines
                        logicalType: array
                        classification: internal
                        description: What was ordered
                        items:
                          logicalType: object
                          properties:
                """ + String.join("", itemFields);
    }

    private static final String CUSTOMER_EMAIL_WITHOUT_CLASSIFICATION = """
                        - name: customer_email
                          logicalType: string
                          customProperties:
                            - property: pii
                              value: true
                            - property: accessNote
                              value: Ask the DPO
            """;

    @Test
    void theFieldsOfAnArraysItemsAreColumnsInTheApiAndOnThePage() {
        Descriptors product = orders();
        product.publish().then().statusCode(201);

        JsonPath api = given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(api.getList("version.schema.name", String.class)).containsExactly("orders");
        List<Map<String, Object>> columns = api.getList("version.schema[0].columns");
        assertThat(columns)
                .extracting(
                        c -> c.get("name"),
                        c -> c.get("logicalType"),
                        c -> c.get("parent"),
                        c -> c.get("depth"),
                        c -> c.get("classification"),
                        c -> c.get("classificationInherited"))
                .containsExactly(
                        tuple("order_ref", "string", null, 0, "internal", false),
                        tuple("lines", "array", null, 0, "internal", false),
                        tuple("lines[].sku", "string", "lines", 1, "internal", true),
                        tuple("lines[].quantity", "integer", "lines", 1, "internal", true));

        Document page = Jsoup.parse(given().get("/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#schema h3.schema-object code").eachText()).containsExactly("orders");
        assertThat(page.select("#schema tbody th[scope=row] code").eachText())
                .containsExactly("order_ref", "lines", "lines[].sku", "lines[].quantity");
        assertThat(page.select("#schema tbody th.column-depth-1 code").eachText())
                .as("nested columns sit indented under their array")
                .containsExactly("lines[].sku", "lines[].quantity");
        assertThat(page.select("#schema tbody tr")
                        .get(2)
                        .select(".classification-source")
                        .text())
                .isEqualTo("from lines");
    }

    @Test
    void personalDataInsideItemsIsRefusedByTheGateNamingItsPath() {
        Descriptors inheritsInternal = orders(CUSTOMER_EMAIL_WITHOUT_CLASSIFICATION);

        inheritsInternal
                .publish()
                .then()
                .statusCode(422)
                .body("violations.rule", contains("personal-data-protected"))
                .body("violations.field", contains("schema.orders.lines[].customer_email.classification"))
                .body(
                        "violations.problem",
                        contains("lines[].customer_email is personal data but is classified internal"
                                + " (inherited from lines)"));
        given().get("/api/products/" + inheritsInternal.key()).then().statusCode(404);

        // With no label anywhere above it, the field is unclassified: both security rules name it by its path.
        Descriptors unclassified = Descriptors.product(Descriptors.newDomain())
                .table("orders")
                .withoutColumns()
                .columnYaml("""
                              - name: lines
                                logicalType: array
                                classification: internal
                                items:
                                  classification: confidential
                                  properties:
                                    - name: sku
                                      logicalType: string
                              - name: returns
                                logicalType: array
                                items:
                                  properties:
                        """ + CUSTOMER_EMAIL_WITHOUT_CLASSIFICATION);
        JsonPath refused =
                unclassified.publish().then().statusCode(422).extract().jsonPath();
        List<Map<String, Object>> violations = refused.getList("violations");
        assertThat(violations)
                .extracting(v -> v.get("rule"), v -> v.get("field"), v -> v.get("problem"))
                .containsExactlyInAnyOrder(
                        tuple(
                                "columns-classified",
                                "schema.orders.returns.classification",
                                "returns has no classification"),
                        tuple(
                                "columns-classified",
                                "schema.orders.returns[].customer_email.classification",
                                "returns[].customer_email has no classification"),
                        tuple(
                                "personal-data-protected",
                                "schema.orders.returns[].customer_email.classification",
                                "returns[].customer_email is personal data but is unclassified"));
    }

    @Test
    void searchingForANestedColumnFindsTheProductAndListsTheColumnWithItsTable() {
        Descriptors product = orders();
        product.publish().then().statusCode(201);
        String domain = product.key().substring(0, product.key().indexOf('.'));

        for (String query : List.of("sku", "lines[].sku")) {
            JsonPath results = given().queryParam("q", query)
                    .queryParam("domain", domain)
                    .get("/api/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(results.getList("hits.key", String.class)).as(query).containsExactly(product.key());
            List<Map<String, Object>> matched = results.getList("hits[0].matchedColumns");
            assertThat(matched)
                    .as(query)
                    .extracting(c -> c.get("table"), c -> c.get("name"))
                    .containsExactly(tuple("orders", "lines[].sku"));
        }

        Document page = Jsoup.parse(given().queryParam("q", "quantity")
                .queryParam("domain", domain)
                .get("/search")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select(".result__columns").text()).isEqualTo("Matching column: lines[].quantity in orders");
    }

    @Test
    void removingAFieldOfTheItemsIsABreakingChangeThatNeedsANewMajor() {
        Descriptors product = orders();
        product.publish().then().statusCode(201);

        Descriptors withoutSku = product.withoutColumns()
                .columnYaml(ordersColumns(QUANTITY))
                .version("1.1.0")
                .changelog("SKUs move to their own product.");

        JsonPath refused = withoutSku
                .publish()
                .then()
                .statusCode(422)
                .body("violations.rule", contains("breaking-change-needs-major"))
                .body("violations.field", contains("schema.orders.lines[].sku"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> changes = refused.getList("schemaChanges");
        assertThat(changes)
                .extracting(c -> c.get("kind"), c -> c.get("column"), c -> c.get("breaking"))
                .containsExactly(tuple("column-removed", "orders.lines[].sku", true));

        withoutSku.version("2.0.0").publish().then().statusCode(201);
        given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo("2.0.0"))
                .body("version.schema[0].columns.name", contains("order_ref", "lines", "lines[].quantity"));
    }
}
