package io.signalbox.catalog.publishing;

import static io.signalbox.testing.Api.assertNothingStored;
import static io.signalbox.testing.Api.problem;
import static io.signalbox.testing.Api.publish;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every way a publication can be wrong is refused with a problem document that names the field to fix, and nothing
 * is written. Hostile inputs carry a {@link Timeout} as a safety net only: the assertions are about the answer.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DescriptorRefusalTest {

    private static final String YAML = "application/yaml";
    private static final String JSON = "application/json";

    /** A fresh domain per test, registered before the (timed) test method runs. */
    private String domain;

    /** Stands for a value that {@link #withMarkerReplaced} puts into a descriptor's JSON text. */
    private static final String JSON_MARKER = "\"json-value-marker\"";

    /** A valid descriptor in the test's domain with one more custom property, whose value is raw YAML. */
    private Descriptors withCustomProperty(String rawYamlValue) {
        return Descriptors.product(domain).productLine("  - property: extra\n    value: " + rawYamlValue);
    }

    private static byte[] withMarkerReplaced(String json, String rawJsonValue) {
        assertThat(json).contains(JSON_MARKER);
        return json.replace(JSON_MARKER, rawJsonValue).getBytes(UTF_8);
    }

    /** How many products the whole catalog holds, through the API. */
    private static long catalogProductCount() {
        return RestAssured.given()
                .get("/api/catalog")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("productCount");
    }

    @BeforeEach
    void registerDomain() {
        domain = Descriptors.newDomain();
    }

    // --- unreadable bodies: 400 -------------------------------------------------------------------------------

    @Test
    void malformedYamlIsRefusedNamingTheLine() {
        Descriptors product = Descriptors.product(domain).productField("tags", "[service, inventory");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 400)
                .body("type", endsWith("/malformed-request"))
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("is not valid YAML at line"))
                .body("errors[0].message", containsString("column"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void malformedJsonIsRefused() {
        Descriptors product = Descriptors.product(domain);
        String json = product.json();
        String truncated = json.substring(0, json.length() - 12);

        problem(publish(JSON, truncated.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("is not valid JSON at line"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void duplicateKeysAreRefusedRatherThanSilentlyOverwritten() {
        Descriptors product = Descriptors.product(domain).productLine("name: \"A second name\"");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsStringIgnoringCase("duplicate"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void anEmptyBodyIsRefused() {
        // An empty body names no product, so the whole catalog is counted: not one product may appear.
        long productsBefore = catalogProductCount();
        for (byte[] body : new byte[][] {new byte[0], " \n\t\n".getBytes(UTF_8)}) {
            for (String contentType : new String[] {YAML, JSON}) {
                problem(publish(contentType, body), 400)
                        .body("errors.field", contains("body"))
                        .body("errors[0].message", containsString("is empty"));
            }
        }
        problem(publish(JSON, "null".getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("no document"));
        problem(publish(YAML, "---\n---\n".getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("no document"));
        assertThat(catalogProductCount()).isEqualTo(productsBefore);
    }

    @Test
    @Timeout(10)
    void binaryGarbageIsRefused() {
        byte[] random = new byte[4096];
        new Random(20240501L).nextBytes(random);
        random[17] = 0;

        problem(publish(YAML, random), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", anyOf(containsString("UTF-8"), containsString("binary")));
        problem(publish(JSON, random), 400).body("errors.field", contains("body"));

        // Valid UTF-8, but with a NUL byte in the middle of a value.
        String withNul = Descriptors.product(domain).yaml().replace("kind: DataProduct", "kind: Data\u0000Product");
        problem(publish(YAML, withNul.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("binary data"));

        // A valid descriptor with one invalid UTF-8 sequence (0xC3 0x28) inside its purpose.
        Descriptors product = Descriptors.product(domain).purpose("caf<MARK>");
        String[] around = product.yaml().split("<MARK>", 2);
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes(around[0].getBytes(UTF_8));
        invalid.write(0xC3);
        invalid.write(0x28);
        invalid.writeBytes(around[1].getBytes(UTF_8));
        problem(publish(YAML, invalid.toByteArray()), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("not UTF-8"));
        assertNothingStored(domain, product.key());
    }

    // --- hostile bodies: 400, answered without building them --------------------------------------------------

    @Test
    @Timeout(10)
    void aYamlAliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder();
        bomb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = String.valueOf(name);
        }

        problem(publish(YAML, bomb.toString().getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", anyOf(containsString("alias"), containsString("anchor")))
                .body("errors[0].message", containsString("line 1"));

        // The same bomb as the value of a custom property of an otherwise valid descriptor.
        Descriptors product = Descriptors.product(domain)
                .productLine("  - property: laughs\n    value:\n      "
                        + bomb.toString().strip().replace("\n", "\n      "));
        String yaml = product.yaml();
        int anchorLine = yaml.substring(0, yaml.indexOf("&a")).split("\n", -1).length;
        problem(publish(YAML, yaml.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", anyOf(containsString("alias"), containsString("anchor")))
                .body("errors[0].message", containsString("line " + anchorLine));
        assertNothingStored(domain, product.key());
    }

    @Test
    @Timeout(10)
    void anAnchorInsideAnOtherwiseValidDescriptorIsRefused() {
        Descriptors product = Descriptors.product(domain).productField("tags", "&t [service, inventory]");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("anchor"));
        assertNothingStored(domain, product.key());
    }

    @Test
    @Timeout(10)
    void deeplyNestedYamlSequencesAreRefused() {
        String nested = "[".repeat(5000) + "]".repeat(5000);

        problem(publish(YAML, nested.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nests deeper than"));
        problem(publish(YAML, "[".repeat(5000).getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", anyOf(containsString("nest"), containsString("not valid YAML")));

        Descriptors product = withCustomProperty(nested);
        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nests deeper than"));
        assertNothingStored(domain, product.key());
    }

    @Test
    @Timeout(10)
    void deeplyNestedYamlMappingsAreRefused() {
        String nested = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

        problem(publish(YAML, nested.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nests deeper than"));

        Descriptors product = withCustomProperty(nested);
        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nests deeper than"));
        assertNothingStored(domain, product.key());
    }

    @Test
    @Timeout(10)
    void deeplyNestedJsonObjectsAreRefused() {
        String nested = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

        problem(publish(JSON, nested.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nesting is deeper than"));

        Descriptors product = withCustomProperty(JSON_MARKER);
        problem(publish(JSON, withMarkerReplaced(product.json(), nested)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nesting is deeper than"));
        assertNothingStored(domain, product.key());
    }

    @Test
    @Timeout(10)
    void deeplyNestedJsonArraysAreRefused() {
        String nested = "[".repeat(5000) + "]".repeat(5000);

        problem(publish(JSON, nested.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nesting is deeper than"));

        Descriptors product = withCustomProperty(JSON_MARKER);
        problem(publish(JSON, withMarkerReplaced(product.json(), nested)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("nesting is deeper than"));
        assertNothingStored(domain, product.key());
    }

    @Test
    @Timeout(10)
    void yamlTypeTagsThatNameJavaClassesAreRefused() {
        String gadget = "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://example.invalid\"]]]]\n";

        problem(publish(YAML, gadget.getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("type tag"))
                .body("errors[0].message", containsString("javax.script.ScriptEngineManager"));

        Descriptors product = Descriptors.product(domain).productField("name", gadget.strip());
        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("type tag"));

        Descriptors localTag = Descriptors.product(domain).productField("name", "!custom \"Services\"");
        problem(publish(YAML, localTag.yaml().getBytes(UTF_8)), 400)
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("type tag"));
        assertNothingStored(domain, product.key());
    }

    @Test
    @Timeout(10)
    void aBodyOverTheLimitIsRefused() {
        Descriptors product = Descriptors.product(domain);
        StringBuilder body = new StringBuilder(product.yaml());
        String comment = "# " + "padding ".repeat(12) + "\n";
        while (body.length() < 1_150_000) {
            body.append(comment);
        }

        problem(publish(YAML, body.toString().getBytes(UTF_8)), 413)
                .body("type", endsWith("/payload-too-large"))
                .body("errors.field", contains("body"))
                .body("errors[0].message", containsString("larger than 1024 KiB"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        Descriptors product = Descriptors.product(domain);
        StringBuilder body = new StringBuilder(product.yaml());
        String comment = "# " + "padding ".repeat(12) + "\n";
        while (body.length() + comment.length() <= 1_048_576) {
            body.append(comment);
        }

        RestAssured.given()
                .contentType(YAML)
                .body(body.toString().getBytes(UTF_8))
                .post("/api/products")
                .then()
                .statusCode(201);
    }

    // --- readable, but not a data product: 422 ----------------------------------------------------------------

    @Test
    void aDocumentThatIsAListOrAScalarIsRefused() {
        String[][] cases = {
            {YAML, "- apiVersion\n- kind\n"}, {YAML, "just some text\n"}, {YAML, "42\n"},
            {JSON, "\"just some text\""}, {JSON, "[[\"a\", \"b\"]]"}, {JSON, "[1]"},
        };
        for (String[] c : cases) {
            problem(publish(c[0], c[1].getBytes(UTF_8)), 422)
                    .body("type", endsWith("/invalid-content"))
                    .body("errors.field", hasItem("documents[0]"))
                    .body("errors[0].message", containsString("must be a mapping of fields"));
        }

        // The same documents first, followed by a valid product and its contract: the product is not published.
        String[][] beforeAProduct = {
            {YAML, "- apiVersion\n- kind\n---\n"}, {YAML, "just some text\n---\n"}, {YAML, "42\n---\n"},
            {JSON, "\"just some text\", "}, {JSON, "[\"a\", \"b\"], "}, {JSON, "1, "},
        };
        for (String[] c : beforeAProduct) {
            Descriptors product = Descriptors.product(domain);
            String body = c[0].equals(YAML)
                    ? c[1] + product.yaml()
                    : "[" + c[1] + product.json().substring(1);
            problem(publish(c[0], body.getBytes(UTF_8)), 422)
                    .body("errors.field", hasItem("documents[0]"))
                    .body("errors[0].message", containsString("must be a mapping of fields"));
            assertNothingStored(domain, product.key());
        }
    }

    @Test
    void aDocumentOfAnotherKindIsRefused() {
        Descriptors product = Descriptors.product(domain).productField("kind", "Something");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body("errors.field", contains("documents[0].kind"))
                .body("errors[0].message", containsString("'Something' is not read here"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void wrongTypesAreRefusedWithTheirPaths() {
        Descriptors product = Descriptors.product(domain)
                .productField("tags", "5")
                .productField("version", "1.0")
                .withoutColumns()
                .column("service_id", "string", true, "internal", false, null, "Canonical service id")
                .columnYaml("      - name: service_name\n        logicalType: string\n        required: \"maybe\"\n");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "product.tags", "product.version", "contracts[0].schema[0].properties[1].required"))
                .body("errors.find { it.field == 'product.tags' }.message", containsString("must be a list"))
                .body("errors.find { it.field == 'product.version' }.message", containsString("in quotes"))
                .body(
                        "errors.find { it.field == 'contracts[0].schema[0].properties[1].required' }.message",
                        containsString("true or false"))
                .body("detail", containsString("3 fields need attention"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void missingRequiredFieldsAreAllListedAtOnce() {
        Descriptors product = Descriptors.product(domain)
                .productField("name", null)
                .productField("id", null)
                .productField("domain", null)
                .purpose(null)
                .ownerRole("steward");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "product.name",
                                "product.id",
                                "product.domain",
                                "product.description.purpose",
                                "product.team.members"))
                .body("errors.find { it.field == 'product.name' }.message", equalTo("is required"))
                .body("errors.find { it.field == 'product.team.members' }.message", containsString("role: owner"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void anUnknownDomainIsRefused() {
        Descriptors product = Descriptors.product("no-such-domain");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body("errors.field", contains("product.domain"))
                .body("errors[0].message", containsString("no domain 'no-such-domain' is registered"))
                .body("errors[0].message", containsString(domain));
        RestAssured.given().get("/api/products/" + product.key()).then().statusCode(404);
        RestAssured.given().get("/api/domains/no-such-domain").then().statusCode(404);
    }

    @Test
    void anInvalidSlugIsRefused() {
        Descriptors product = Descriptors.product(domain).slug("Bad Slug!");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body("errors.field", contains("product.customProperties[0].value"))
                .body("errors[0].message", containsString("'Bad Slug!' is not a product slug"));
        assertNothingStored(domain, domain + ".Bad Slug!");
    }

    @Test
    void aNameThatGivesNoSlugIsRefused() {
        Descriptors product = Descriptors.product(domain).withoutSlugProperty().title("!!!");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body("errors.field", contains("product.customProperties"))
                .body("errors[0].message", containsString("set a 'slug' custom property"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void anInvalidIdIsRefused() {
        Descriptors product = Descriptors.product(domain).externalId("\"not a valid id!\"");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body("errors.field", contains("product.id"))
                .body("errors[0].message", containsString("'not a valid id!' must be letters, digits"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void anInvalidClassificationIsRefused() {
        Descriptors product = Descriptors.product(domain)
                .classification("secret")
                .withoutColumns()
                .column("service_id", "string", true, "top-secret", false, null, "Canonical service id");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "product.customProperties[1].value",
                                "contracts[0].schema[0].properties[0].classification"))
                .body(
                        "errors.find { it.field == 'product.customProperties[1].value' }.message",
                        containsString("'secret' is not a classification"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void aJavascriptSupportUrlIsRefused() {
        for (String url : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x"}) {
            Descriptors product = Descriptors.product(domain).supportUrl(url);

            problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                    .body("errors.field", contains("product.support[0].url"))
                    .body("errors[0].message", containsString("must be an https://, http:// or mailto: link"));
            assertNothingStored(domain, product.key());
        }
    }

    @Test
    void anOverLongTitleIsRefused() {
        Descriptors product = Descriptors.product(domain).title("T".repeat(201));

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body("errors.field", contains("product.name"))
                .body("errors[0].message", containsString("201 characters long; at most 200"));
        assertNothingStored(domain, product.key());

        Descriptors fits = Descriptors.product(domain).title("T".repeat(200));
        fits.publish().then().statusCode(201);
    }

    @Test
    void anOdcsV2ContractIsRefused() {
        Descriptors product = Descriptors.product(domain).withoutColumns();
        String v2 = product.yaml()
                + "---\n"
                + "apiVersion: v2.2.2\n"
                + "kind: DataContract\n"
                + "id: " + product.contractId() + "\n"
                + "dataset:\n"
                + "  - table: services\n"
                + "    columns:\n"
                + "      - column: service_id\n"
                + "        logicalType: string\n";

        problem(publish(YAML, v2.getBytes(UTF_8)), 422)
                .body("errors.field", hasItems("contracts[0].dataset", "contracts[0].apiVersion"))
                .body("errors.field", hasSize(2))
                .body("errors.find { it.field == 'contracts[0].dataset' }.message", containsString("ODCS v2"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void aContractNoOutputPortReferencesIsRefused() {
        Descriptors product = Descriptors.product(domain).outputContractId("some-other-contract");

        problem(publish(YAML, product.yaml().getBytes(UTF_8)), 422)
                .body("errors.field", contains("contracts[0].id"))
                .body("errors[0].message", containsString("not referenced by any product.outputPorts[].contractId"));
        assertNothingStored(domain, product.key());
    }

    @Test
    void refusalsNeverLeakInternals() {
        Descriptors product = Descriptors.product(domain).productField("tags", "[service, inventory");

        problem(publish(YAML, product.yaml().getBytes(StandardCharsets.UTF_8)), 400)
                .body("detail", not(containsString("Exception")))
                .body("errors[0].message", not(containsString("org.snakeyaml")))
                .body("keySet()", containsInAnyOrder("type", "title", "status", "detail", "errors", "requestId"));
    }

    @Test
    @Timeout(10)
    void aNulCharacterWrittenAsAnEscapeIsRefused() {
        Descriptors inName = Descriptors.product(domain).productField("name", "\"Service\\0 inventory\"");
        Descriptors inTag = Descriptors.product(domain).productField("tags", "[\"a\\0b\"]");
        Descriptors inJson = Descriptors.product(domain);
        String json = inJson.json().replace("Every network service", "Every\\u0000 network service");

        for (var answer : new Response[] {
            publish(YAML, inName.yaml().getBytes(UTF_8)),
            publish(YAML, inTag.yaml().getBytes(UTF_8)),
            publish(JSON, json.getBytes(UTF_8))
        }) {
            answer.then()
                    .statusCode(oneOf(400, 422))
                    .header("Content-Type", startsWith("application/problem+json"))
                    .body("errors[0].field", not(emptyOrNullString()));
        }
        assertNothingStored(domain, inName.key());
        assertNothingStored(domain, inTag.key());
        assertNothingStored(domain, inJson.key());
    }
}
