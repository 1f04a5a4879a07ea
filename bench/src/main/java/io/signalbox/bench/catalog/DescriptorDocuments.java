package io.signalbox.bench.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.signalbox.bench.catalog.CatalogModel.ColumnRow;
import io.signalbox.bench.catalog.CatalogModel.OutputPort;
import io.signalbox.bench.catalog.CatalogModel.VersionRow;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The descriptor a generated version "was published from": the ODPS product and its ODCS contract as one compact JSON
 * array, stored in {@code product_version.descriptor}. Its content hash is computed as the portal computes it (SHA-256
 * of the documents as JSON with sorted keys), so republishing the stored text through the API answers 200, unchanged.
 */
final class DescriptorDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL_JSON =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** What the version needs besides its own fields. */
    record Identity(String externalId, String domainKey, String slug, String odpsStatus) {}

    /** A number as the descriptor writes it (availability 99.5, retention 400), beside the text the catalog keeps. */
    record SlaValue(String property, Object value, String unit) {}

    record Written(String text, String contentHash) {}

    private DescriptorDocuments() {}

    /** The descriptor of a version whose {@code descriptor} and {@code contentHash} are not known yet. */
    static Written write(Identity identity, VersionRow version, List<SlaValue> sla) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("apiVersion", "v1.0.0");
        product.put("kind", "DataProduct");
        product.put("id", identity.externalId());
        product.put("name", version.title());
        product.put("domain", identity.domainKey());
        product.put("status", identity.odpsStatus());
        product.put("version", version.version());
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("purpose", version.purpose());
        putIfPresent(description, "limitations", version.limitations());
        putIfPresent(description, "usage", version.usage());
        product.put("description", description);
        product.put("tags", version.tags());
        Map<String, Object> teamDocument = new LinkedHashMap<>();
        teamDocument.put("name", version.teamName());
        teamDocument.put(
                "members",
                version.team().stream()
                        .map(m -> object("username", m.username(), "name", m.name(), "role", m.role()))
                        .toList());
        product.put("team", teamDocument);
        product.put(
                "support",
                version.support().stream()
                        .map(s -> object("channel", s.channel(), "url", s.url(), "tool", s.tool(), "scope", s.scope()))
                        .toList());
        if (!version.inputPorts().isEmpty()) {
            product.put(
                    "inputPorts",
                    version.inputPorts().stream()
                            .map(p -> object(
                                    "name",
                                    p.name(),
                                    "version",
                                    p.version(),
                                    "customProperties",
                                    List.of(object("property", "sourceProduct", "value", p.sourceProduct()))))
                            .toList());
        }
        product.put(
                "outputPorts",
                version.outputPorts().stream().map(DescriptorDocuments::port).toList());
        List<Map<String, Object>> custom = new ArrayList<>();
        custom.add(object("property", "slug", "value", identity.slug()));
        custom.add(object("property", "classification", "value", version.classification()));
        if (!version.consumers().isEmpty()) {
            custom.add(object(
                    "property",
                    "consumers",
                    "value",
                    version.consumers().stream()
                            .map(c -> object(
                                    "team",
                                    c.team(),
                                    "domain",
                                    c.domain(),
                                    "purpose",
                                    c.purpose(),
                                    "contact",
                                    c.contact()))
                            .toList()));
        }
        if (version.changelog() != null) {
            custom.add(object("property", "changelog", "value", version.changelog()));
        }
        if (!version.lifecycleMapping().isEmpty()) {
            custom.add(object(
                    "property",
                    "lifecycleMapping",
                    "value",
                    version.lifecycleMapping().stream()
                            .map(m -> object("internal", m.internal(), "canonical", m.canonical()))
                            .toList()));
        }
        product.put("customProperties", custom);

        OutputPort main = version.outputPorts().get(0);
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("apiVersion", "v3.0.2");
        contract.put("kind", "DataContract");
        contract.put("id", main.contractId());
        contract.put("name", version.title());
        contract.put("version", version.version());
        contract.put("status", "active");
        contract.put(
                "schema",
                List.of(object(
                        "name",
                        main.name(),
                        "physicalType",
                        "table",
                        "properties",
                        version.columns().stream()
                                .map(DescriptorDocuments::property)
                                .toList())));
        contract.put(
                "slaProperties",
                sla.stream()
                        .map(p -> object("property", p.property(), "value", p.value(), "unit", p.unit()))
                        .toList());

        List<Map<String, Object>> documents = List.of(product, contract);
        try {
            String text = JSON.writeValueAsString(documents);
            byte[] canonical = CANONICAL_JSON.writeValueAsBytes(documents);
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            return new Written(text, hash);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not write a descriptor", e);
        }
    }

    private static Map<String, Object> port(OutputPort port) {
        Map<String, Object> document = object("name", port.name(), "description", port.description());
        document.put("type", port.kind());
        document.put("version", port.version());
        putIfPresent(document, "contractId", port.contractId());
        document.put("customProperties", List.of(object("property", "location", "value", port.location())));
        return document;
    }

    private static Map<String, Object> property(ColumnRow column) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", column.name());
        document.put("logicalType", column.logicalType());
        document.put("physicalType", column.physicalType());
        document.put("required", column.required());
        if (column.primaryKey()) {
            document.put("primaryKey", true);
        }
        putIfPresent(document, "classification", column.classification());
        putIfPresent(document, "description", column.description());
        if (!column.tags().isEmpty()) {
            document.put("tags", column.tags());
        }
        List<Map<String, Object>> custom = new ArrayList<>();
        if (column.pii()) {
            custom.add(object("property", "pii", "value", true));
        }
        if (column.accessNote() != null) {
            custom.add(object("property", "accessNote", "value", column.accessNote()));
        }
        if (column.canonicalAttribute() != null) {
            custom.add(object("property", "canonical", "value", column.canonicalAttribute()));
        }
        if (!custom.isEmpty()) {
            document.put("customProperties", custom);
        }
        return document;
    }

    /** An ordered JSON object from key, value pairs; pairs whose value is null are left out. */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            putIfPresent(object, (String) pairs[i], pairs[i + 1]);
        }
        return object;
    }

    private static void putIfPresent(Map<String, Object> object, String key, Object value) {
        if (value != null) {
            object.put(key, value);
        }
    }
}
