package io.signalbox.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Builds ODPS + ODCS descriptors for tests, each in its own fresh domain so tests never see each other's data (or
 * the demo catalog). Start with {@link #product(String)}, change what the test is about, then {@link #yaml()}.
 */
public final class Descriptors {

    private String domain;
    private String slug;
    private String externalId = UUID.randomUUID().toString();
    private String title;
    private String version = "1.0.0";
    private String status = "active";
    private String purpose = "Every network service with its current lifecycle state.";
    private String classification = "internal";
    private String changelog = "First publication.";
    private final List<String> columns = new ArrayList<>();
    private final List<String> consumers = new ArrayList<>();
    private final List<String> extraProductLines = new ArrayList<>();
    private String ownerUsername = "ana.costa@example.com";
    private final List<String> extraContractLines = new ArrayList<>();
    private final List<String> slaLines = new ArrayList<>();
    private final Map<String, String> productFields = new HashMap<>();
    private boolean slugProperty = true;
    private boolean productTeam = true;
    private String ownerRole = "owner";
    private String supportUrl = "mailto:network-data@example.com";
    private String outputContractId;
    private String outputLocation;
    private String contractId;
    private String table = "main";

    /** The person @TestSecurity signs in as in API tests: an admin who is granted ownership of each new domain. */
    public static final String TEST_OWNER = "test-owner";

    private Descriptors() {}

    /** A valid descriptor with two columns and one consumer, in the given domain. */
    public static Descriptors product(String domain) {
        Descriptors d = new Descriptors();
        d.domain = domain;
        d.slug = "product-" + UUID.randomUUID().toString().substring(0, 8);
        d.title = "Service inventory " + d.slug;
        d.contractId = d.slug + "-contract";
        d.column("service_id", "string", true, "internal", false, "Service.service_id", "Canonical service id");
        d.column("service_name", "string", false, "internal", false, "Service.service_name", "Human readable name");
        d.consumer("Billing Operations", "billing", "Rate usage per service");
        d.slaProperty("freshness", "daily by 06:00 UTC", null);
        d.slaProperty("availability", "99.5", "percent");
        return d;
    }

    /** Registers a new domain with a unique key through the API, makes {@link #TEST_OWNER} its owner, returns the key. */
    public static String newDomain() {
        String key = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RestAssured.given()
                .contentType("application/json")
                .body("{\"name\":\"Domain " + key + "\",\"description\":\"Test domain\","
                        + "\"businessOwner\":\"Owner <owner@example.com>\",\"technicalContact\":\"tech@example.com\"}")
                .put("/api/domains/" + key)
                .then()
                .statusCode(201);
        RestAssured.given()
                .put("/api/domains/" + key + "/owners/" + TEST_OWNER)
                .then()
                .statusCode(201);
        return key;
    }

    public Descriptors slug(String slug) {
        this.slug = slug;
        return this;
    }

    public Descriptors externalId(String externalId) {
        this.externalId = externalId;
        return this;
    }

    public Descriptors title(String title) {
        this.title = title;
        return this;
    }

    public Descriptors version(String version) {
        this.version = version;
        return this;
    }

    public Descriptors status(String status) {
        this.status = status;
        return this;
    }

    public Descriptors purpose(String purpose) {
        this.purpose = purpose;
        return this;
    }

    public Descriptors changelog(String changelog) {
        this.changelog = changelog;
        return this;
    }

    public Descriptors classification(String classification) {
        this.classification = classification;
        return this;
    }

    public Descriptors withoutColumns() {
        columns.clear();
        return this;
    }

    /**
     * Replaces the raw YAML value of a top-level DataProduct field (apiVersion, kind, id, name, domain, status,
     * version, tags), e.g. {@code productField("version", "1.0")} for a number; {@code null} leaves the field out.
     */
    public Descriptors productField(String key, String rawYamlValue) {
        productFields.put(key, rawYamlValue);
        return this;
    }

    /** Leaves out the slug custom property, so the catalog derives the slug from the name. */
    public Descriptors withoutSlugProperty() {
        this.slugProperty = false;
        return this;
    }

    /** Leaves out the DataProduct's team, e.g. to give it in the contract instead. */
    public Descriptors withoutProductTeam() {
        this.productTeam = false;
        return this;
    }

    /** The role of the single team member of the DataProduct ("owner" unless changed). */
    public Descriptors ownerRole(String role) {
        this.ownerRole = role;
        return this;
    }

    public Descriptors supportUrl(String url) {
        this.supportUrl = url;
        return this;
    }

    /** The contractId the output port names; by default the id of the contract this descriptor carries. */
    public Descriptors outputContractId(String contractId) {
        this.outputContractId = contractId;
        return this;
    }

    /** The id of the contract this descriptor carries (and its output port names). */
    public Descriptors contractId(String contractId) {
        this.contractId = contractId;
        return this;
    }

    /** Where the output port's data lives (a table, a topic), as its {@code location} custom property. */
    public Descriptors outputLocation(String location) {
        this.outputLocation = location;
        return this;
    }

    /** Names the contract's (first) schema object, {@code main} unless changed. */
    public Descriptors table(String table) {
        this.table = table;
        return this;
    }

    /** Adds a raw YAML line (top level) to the DataContract document. */
    public Descriptors contractLine(String yamlLine) {
        extraContractLines.add(yamlLine);
        return this;
    }

    /** Adds a raw column (a YAML list item indented six spaces, as {@link #column} writes them). */
    public Descriptors columnYaml(String yamlBlock) {
        columns.add(yamlBlock.endsWith("\n") ? yamlBlock : yamlBlock + "\n");
        return this;
    }

    public Descriptors withoutSla() {
        slaLines.clear();
        return this;
    }

    /** Replaces the contract's SLA with a single freshness promise, such as {@code "1 h"} or {@code "daily"}. */
    public Descriptors promisingFreshness(String declared) {
        return withoutSla().slaProperty("freshness", quote(declared), null);
    }

    /** Adds an SLA property to the contract; the value is raw YAML (quote it with {@link #quote} for text). */
    public Descriptors slaProperty(String property, String rawYamlValue, String unit) {
        StringBuilder s = new StringBuilder();
        s.append("  - property: ").append(property).append('\n');
        s.append("    value: ").append(rawYamlValue).append('\n');
        if (unit != null) {
            s.append("    unit: ").append(unit).append('\n');
        }
        slaLines.add(s.toString());
        return this;
    }

    public Descriptors withoutConsumers() {
        consumers.clear();
        return this;
    }

    /** Adds a raw YAML line (indented two spaces) to the DataProduct document, e.g. to test a wrong type. */
    public Descriptors productLine(String yamlLine) {
        extraProductLines.add(yamlLine);
        return this;
    }

    public Descriptors column(
            String name,
            String logicalType,
            boolean required,
            String classification,
            boolean pii,
            String canonical,
            String description) {
        StringBuilder c = new StringBuilder();
        c.append("      - name: ").append(quote(name)).append('\n');
        c.append("        logicalType: ").append(logicalType).append('\n');
        c.append("        required: ").append(required).append('\n');
        if (classification != null) {
            c.append("        classification: ").append(classification).append('\n');
        }
        c.append("        description: ").append(quote(description)).append('\n');
        List<String> custom = new ArrayList<>();
        if (pii) {
            custom.add("          - property: pii\n            value: true\n");
            custom.add("          - property: accessNote\n            value: Masked outside customer care\n");
        }
        if (canonical != null) {
            custom.add("          - property: canonical\n            value: " + canonical + "\n");
        }
        if (!custom.isEmpty()) {
            c.append("        customProperties:\n");
            custom.forEach(c::append);
        }
        columns.add(c.toString());
        return this;
    }

    public Descriptors consumer(String team, String consumerDomain, String purpose) {
        consumers.add("          - team: " + quote(team) + "\n            domain: " + consumerDomain
                + "\n            purpose: " + quote(purpose) + "\n            contact: team@example.com\n");
        return this;
    }

    /** The product owner's username (an email address: the owner's contact). */
    public Descriptors ownerUsername(String email) {
        this.ownerUsername = email;
        return this;
    }

    /** A declared consumer with the given contact (an email address or any other text). */
    public Descriptors consumer(String team, String consumerDomain, String purpose, String contact) {
        consumers.add("          - team: " + quote(team) + "\n            domain: " + consumerDomain
                + "\n            purpose: " + quote(purpose) + "\n            contact: " + quote(contact) + "\n");
        return this;
    }

    /** Declares an input port reading the product {@code productKey} (ODPS inputPorts, custom property sourceProduct). */
    public Descriptors readsFrom(String productKey) {
        extraProductLines.add("inputPorts:");
        extraProductLines.add("  - name: upstream");
        extraProductLines.add("    version: \"1\"");
        extraProductLines.add("    contractId: upstream-contract");
        extraProductLines.add("    customProperties:");
        extraProductLines.add("      - property: sourceProduct");
        extraProductLines.add("        value: " + productKey);
        return this;
    }

    public String key() {
        return domain + "." + slug;
    }

    /** The id of the contract this descriptor carries (fixed when the builder is made, whatever the slug). */
    public String contractId() {
        return contractId;
    }

    public String yaml() {
        StringBuilder y = new StringBuilder();
        field(y, "apiVersion", "v1.0.0");
        field(y, "kind", "DataProduct");
        field(y, "id", externalId);
        field(y, "name", quote(title));
        field(y, "domain", domain);
        field(y, "status", status);
        field(y, "version", quote(version));
        if (purpose != null) {
            y.append("description:\n  purpose: ").append(quote(purpose)).append('\n');
        } else {
            y.append("description:\n  usage: \"Join on service_id.\"\n");
        }
        field(y, "tags", "[service, inventory]");
        if (productTeam) {
            y.append("team:\n  name: Network Data Team\n  members:\n");
            y.append("    - username: ")
                    .append(ownerUsername)
                    .append("\n      name: Ana Costa\n      role: ")
                    .append(quote(ownerRole))
                    .append('\n');
        }
        y.append("support:\n  - channel: network-data\n    url: ")
                .append(quote(supportUrl))
                .append("\n    tool: email\n");
        y.append("outputPorts:\n  - name: main\n    type: table\n    version: ").append(quote(version));
        y.append("\n    contractId: ")
                .append(outputContractId == null ? contractId() : outputContractId)
                .append('\n');
        if (outputLocation != null) {
            y.append("    customProperties:\n      - property: location\n        value: ")
                    .append(quote(outputLocation))
                    .append('\n');
        }
        y.append("customProperties:\n");
        if (slugProperty) {
            y.append("  - property: slug\n    value: ").append(slug).append('\n');
        }
        if (classification != null) {
            y.append("  - property: classification\n    value: ")
                    .append(classification)
                    .append('\n');
        }
        if (changelog != null) {
            y.append("  - property: changelog\n    value: ")
                    .append(quote(changelog))
                    .append('\n');
        }
        if (!consumers.isEmpty()) {
            y.append("  - property: consumers\n    value:\n");
            consumers.forEach(y::append);
        }
        extraProductLines.forEach(line -> y.append(line).append('\n'));
        if (!columns.isEmpty()) {
            y.append("---\n");
            y.append("apiVersion: v3.0.2\nkind: DataContract\n");
            y.append("id: ").append(contractId()).append('\n');
            y.append("version: ").append(quote(version)).append('\n');
            y.append("status: active\n");
            y.append("schema:\n  - name: ").append(table).append("\n    physicalType: table\n    properties:\n");
            columns.forEach(y::append);
            if (!slaLines.isEmpty()) {
                y.append("slaProperties:\n");
                slaLines.forEach(y::append);
            }
            extraContractLines.forEach(line -> y.append(line).append('\n'));
        }
        return y.toString();
    }

    private void field(StringBuilder y, String key, String rawValue) {
        String value = productFields.containsKey(key) ? productFields.get(key) : rawValue;
        if (value != null) {
            y.append(key).append(": ").append(value).append('\n');
        }
    }

    /** The same documents as {@link #yaml()}, as one JSON array: what a JSON client sends. */
    public String json() {
        List<Object> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml()).forEach(documents::add);
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(documents);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes this descriptor as a JSON array of documents. */
    public Response publishJson() {
        return RestAssured.given()
                .contentType("application/json")
                .body(json().getBytes(StandardCharsets.UTF_8))
                .post("/api/products");
    }

    /** Publishes this descriptor as YAML with a real bearer token, as a domain pipeline does. */
    public Response publishWithToken(String accessToken) {
        return RestAssured.given()
                .auth()
                .oauth2(accessToken)
                .contentType("application/yaml")
                .body(yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/products");
    }

    /** Registers a new domain as the given admin and grants its ownership to {@code owner}; returns the key. */
    public static String newDomainWithToken(String adminToken, String owner) {
        String key = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RestAssured.given()
                .auth()
                .oauth2(adminToken)
                .contentType("application/json")
                .body("{\"name\":\"Domain " + key + "\",\"description\":\"Test domain\","
                        + "\"businessOwner\":\"Owner <owner@example.com>\",\"technicalContact\":\"tech@example.com\"}")
                .put("/api/domains/" + key)
                .then()
                .statusCode(201);
        RestAssured.given()
                .auth()
                .oauth2(adminToken)
                .put("/api/domains/" + key + "/owners/" + owner)
                .then()
                .statusCode(201);
        return key;
    }

    /** Checks this descriptor against the governance rules without publishing it (the dry run). */
    public Response validate() {
        return RestAssured.given()
                .contentType("application/yaml")
                .body(yaml().getBytes(StandardCharsets.UTF_8))
                .post("/api/products/validate");
    }

    /** Leaves out the changelog. */
    public Descriptors withoutChangelog() {
        this.changelog = null;
        return this;
    }

    /** Publishes this descriptor as YAML and returns the raw response for the test to check. */
    /**
     * Reports through the API, as the test's caller, that this product's data was last refreshed at
     * {@code lastRefreshedAt} (a measurement without completeness), and expects it accepted (201).
     */
    public void reportRefreshed(Instant lastRefreshedAt) {
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("lastRefreshedAt", lastRefreshedAt.toString()))
                .post("/api/products/" + key() + "/measurements")
                .then()
                .statusCode(201);
    }

    public Response publish() {
        return RestAssured.given()
                .contentType("application/yaml")
                .body(yaml().getBytes(StandardCharsets.UTF_8))
                .post("/api/products");
    }

    /** YAML double-quoted scalar: safe for any text the tests use, including hostile payloads. */
    public static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> q.append(ch);
            }
        }
        return q.append('"').toString();
    }
}
