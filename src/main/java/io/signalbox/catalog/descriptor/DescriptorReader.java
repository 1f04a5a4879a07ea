package io.signalbox.catalog.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.signalbox.catalog.descriptor.DescriptorNode.DescriptorValue;
import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.InputPort;
import io.signalbox.catalog.model.ProductParts.LifecycleMapping;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.SlaProperty;
import io.signalbox.catalog.model.ProductParts.SupportChannel;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an ODPS data product and its ODCS v3 contracts into a {@link ProductDescriptor}: the anti-corruption layer
 * between the ecosystem's standards and the catalog. docs/descriptor.md lists what is read, kept and refused.
 */
public final class DescriptorReader {

    public static final Pattern DOMAIN_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    public static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    public static final Pattern PRODUCT_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}\\.[a-z][a-z0-9-]{1,62}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final Pattern ODPS_VERSION = Pattern.compile("v?(0\\.9|1\\.\\d+)\\.\\d+");
    private static final Pattern ODCS_VERSION = Pattern.compile("v?3\\.\\d+\\.\\d+");
    private static final Pattern CANONICAL_ATTRIBUTE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}\\.[a-z][a-z0-9_]{0,63}");
    // Plain addresses only: characters such as ? & = % would let a mailto: link carry extra headers.
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");
    private static final Set<String> OWNER_ROLES = Set.of("owner", "productowner", "dataowner", "product owner");
    /** ODCS v3.1's logical types and v3.2's {@code map} (RFC 0030). */
    public static final Set<String> LOGICAL_TYPES =
            Set.of("string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean", "map");
    // A map's key and value are read when they are single values: fields inside a map value would escape the rules.
    private static final Set<String> MAP_ENTRY_TYPES =
            Set.of("string", "date", "timestamp", "time", "number", "integer", "boolean");
    private static final Map<String, String> PORT_KINDS = Map.of(
            "table", "table", "tables", "table", "view", "view", "topic", "topic", "stream", "topic", "api", "api",
            "rest", "api", "file", "file", "files", "file", "dataset", "table");
    private static final Set<String> FRESHNESS_PROPERTIES = Set.of("freshness", "latency", "frequency");
    private static final int MAX_COLUMNS = 2000;

    // ODPS v1.1 'deprecated' flags. On the product the flag means what status: deprecated means, so the publication
    // gate accepts it only under a deprecation notice (docs/descriptor.md §7); on a port it changes nothing.
    static final String PRODUCT_DEPRECATION =
            "is read as status: deprecated: accepted while a deprecation notice covers"
                    + " the product (or this major line); the notice, not the descriptor, decides when it is retired"
                    + " (docs/descriptor.md §7)";
    static final String PORT_DEPRECATION = "has no effect on the port: deprecation notices cover a whole product or a"
            + " major line; to deprecate the port, say so in its description and publish a version without the port"
            + " once consumers have moved, or issue a notice for the product (POST /api/products/{key}/deprecation)"
            + " (docs/descriptor.md §7)";

    private static final ObjectMapper CANONICAL_JSON =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private DescriptorReader() {}

    /** Parses and reads a request body with the four classification levels only; see the vocabulary overload. */
    public static ProductDescriptor read(byte[] body, DescriptorFormat format) {
        return read(body, format, ClassificationVocabulary.STANDARD);
    }

    /**
     * Parses and reads a request body; refuses with every problem found at once. {@code vocabulary} holds the
     * classification names accepted besides the four levels (the council's aliases).
     */
    public static ProductDescriptor read(byte[] body, DescriptorFormat format, ClassificationVocabulary vocabulary) {
        List<Map<String, Object>> documents = DescriptorParser.parse(body, format);
        return read(documents, new String(body, StandardCharsets.UTF_8), format, vocabulary);
    }

    /** A descriptor file sent on its own, e.g. one part of a multipart upload: the ODPS file and each contract file. */
    public record DescriptorFile(String name, byte[] content, DescriptorFormat format) {}

    /**
     * Reads a publication sent as separate files, as teams keep them in their repositories. The files are read in
     * order and their documents combined, as if they had been one multi-document YAML.
     */
    public static ProductDescriptor read(List<DescriptorFile> files) {
        return read(files, ClassificationVocabulary.STANDARD);
    }

    /** Reads a publication sent as separate files, accepting the council's classification aliases. */
    public static ProductDescriptor read(List<DescriptorFile> files, ClassificationVocabulary vocabulary) {
        List<Map<String, Object>> documents = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (DescriptorFile file : files) {
            documents.addAll(DescriptorParser.parse(file.content(), file.format()));
            if (!text.isEmpty()) {
                text.append("\n---\n");
            }
            // JSON is YAML too, so the stored text stays one readable multi-document YAML.
            text.append("# ").append(file.name().replaceAll("\\p{Cntrl}", " ")).append('\n');
            text.append(new String(file.content(), StandardCharsets.UTF_8));
        }
        return read(documents, text.toString(), DescriptorFormat.YAML, vocabulary);
    }

    static ProductDescriptor read(
            List<Map<String, Object>> documents,
            String text,
            DescriptorFormat format,
            ClassificationVocabulary vocabulary) {
        Reading reading = new Reading(vocabulary);
        List<FieldProblem> problems = reading.problems;
        DescriptorNode product = null;
        List<DescriptorNode> contracts = new ArrayList<>();
        int contractIndex = 0;
        for (int i = 0; i < documents.size(); i++) {
            Map<String, Object> document = documents.get(i);
            Object kind = document.get("kind");
            if ("DataProduct".equals(kind)) {
                if (product != null) {
                    problems.add(new FieldProblem(
                            "documents[" + i + "].kind",
                            "a publication holds one DataProduct; publish the second product on its own"));
                } else {
                    product = new DescriptorNode(document, "product", reading);
                }
            } else if ("DataContract".equals(kind)) {
                contracts.add(new DescriptorNode(document, "contracts[" + contractIndex++ + "]", reading));
            } else {
                problems.add(new FieldProblem(
                        "documents[" + i + "].kind",
                        kind == null
                                ? "is required: DataProduct (ODPS) or DataContract (ODCS v3)"
                                : "'" + DescriptorNode.shorten(String.valueOf(kind))
                                        + "' is not read here: use DataProduct (ODPS) or DataContract (ODCS v3)"));
            }
        }
        if (product == null) {
            if (problems.isEmpty()) {
                problems.add(new FieldProblem(
                        "documents",
                        "hold no DataProduct: a publication needs one ODPS document with kind: DataProduct"));
            }
            throw Refusal.invalid("The descriptor is not valid", problems);
        }
        ProductDescriptor descriptor =
                readProduct(product, contracts, problems, documents, text, format, reading.warnings);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The descriptor is not valid", problems);
        }
        return descriptor;
    }

    private static ProductDescriptor readProduct(
            DescriptorNode product,
            List<DescriptorNode> contracts,
            List<FieldProblem> problems,
            List<Map<String, Object>> documents,
            String text,
            DescriptorFormat format,
            List<FieldProblem> warnings) {
        product.matching(
                "apiVersion", ODPS_VERSION, "is not an ODPS version Signalbox reads: use v0.9.x or v1.x.x", true, 20);
        String externalId = product.matching(
                "id", EXTERNAL_ID, "must be letters, digits and . _ : - (an ODPS UUID fits)", true, 200);
        String title = product.requiredText("name", 200);
        String domainKey = product.matching(
                "domain",
                DOMAIN_KEY,
                "is not a domain key: lowercase letters, digits and hyphens, e.g. network",
                true,
                40);
        LifecycleStatus status = readStatus(product);
        SemanticVersion version = readVersion(product, "version");
        boolean markedDeprecated = warnIfDeprecated(product, PRODUCT_DEPRECATION);

        String purpose = null;
        String limitations = null;
        String usage = null;
        Optional<DescriptorNode> description = product.object("description", true);
        if (description.isPresent()) {
            purpose = description.get().requiredText("purpose", 20_000);
            limitations = description.get().text("limitations", 20_000);
            usage = description.get().text("usage", 20_000);
        }
        List<String> tags = product.texts("tags", 30, 50).stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();

        Map<String, DescriptorValue> custom = product.customProperties();
        String slug = readSlug(product, custom, title);
        Classification declaredClassification = custom.containsKey("classification")
                ? classification(custom.get("classification").asFields(), "value")
                : null;
        List<DeclaredConsumer> consumers = readConsumers(custom.get("consumers"));
        String changelog = custom.containsKey("changelog")
                ? custom.get("changelog").asFields().text("value", 20_000)
                : null;

        Team team = readTeam(product);
        List<SupportChannel> support = readSupport(product);
        List<OutputPort> outputPorts = readOutputPorts(product);
        List<InputPort> inputPorts = readInputPorts(product);

        Set<String> referencedContracts = outputPorts.stream()
                .map(OutputPort::contractId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<ColumnSpec> columns = new ArrayList<>();
        List<SlaProperty> sla = new ArrayList<>();
        List<LifecycleMapping> lifecycleMapping = new ArrayList<>(readLifecycleMapping(custom.get("lifecycleMapping")));
        Set<String> contractIds = new HashSet<>();
        Set<String> objectNames = new HashSet<>();
        Map<String, String> portVersions = portVersionsByContract(outputPorts);
        for (DescriptorNode contract : contracts) {
            readContract(
                    contract,
                    referencedContracts,
                    portVersions,
                    contractIds,
                    objectNames,
                    columns,
                    sla,
                    lifecycleMapping);
            if (team.members.isEmpty()) {
                team = readTeam(contract);
            }
        }
        if (columns.size() > MAX_COLUMNS) {
            problems.add(new FieldProblem(
                    "contracts", "declare " + columns.size() + " columns; at most " + MAX_COLUMNS + " are accepted"));
        }
        if (team.owner == null && !problems.stream().anyMatch(p -> p.field().startsWith("product.team"))) {
            problems.add(new FieldProblem(
                    "product.team.members",
                    "name the accountable owner: one member needs role: owner and an e-mail address as username"));
        }
        Classification classification = declaredClassification != null
                ? declaredClassification
                : columns.stream()
                        .map(ColumnSpec::classification)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null);

        return new ProductDescriptor(
                domainKey,
                slug,
                externalId,
                title,
                version,
                status,
                purpose,
                limitations,
                usage,
                tags,
                classification,
                team.owner == null ? null : team.owner.name(),
                team.owner == null ? null : team.owner.username(),
                team.name,
                team.members,
                support,
                outputPorts,
                inputPorts,
                consumers,
                lifecycleMapping.stream().distinct().toList(),
                slaValue(sla, FRESHNESS_PROPERTIES),
                slaValue(sla, Set.of("availability", "uptime")),
                sla,
                changelog,
                columns,
                contentHash(documents),
                text,
                format,
                List.copyOf(warnings),
                markedDeprecated);
    }

    /** ODPS v1.1 {@code deprecated: true} on a product or a port: read, with a warning saying what it means here. */
    private static boolean warnIfDeprecated(DescriptorNode node, String advice) {
        if (node.bool("deprecated", false)) {
            node.warn("deprecated", advice);
            return true;
        }
        return false;
    }

    private static LifecycleStatus readStatus(DescriptorNode product) {
        String status = product.requiredText("status", 20);
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "proposed", "draft" -> LifecycleStatus.DRAFT;
            case "active", "published" -> LifecycleStatus.PUBLISHED;
            case "deprecated" -> LifecycleStatus.DEPRECATED;
            case "retired" -> LifecycleStatus.RETIRED;
            default -> {
                product.problem(
                        "status",
                        "'" + DescriptorNode.shorten(status)
                                + "' is not an ODPS status: use proposed, draft, active, deprecated or retired");
                yield null;
            }
        };
    }

    private static SemanticVersion readVersion(DescriptorNode node, String key) {
        Object raw = node.raw(key);
        if (raw instanceof Number) {
            node.problem(key, "must be a semantic version in quotes, such as \"1.0.0\", not the number " + raw);
            return null;
        }
        String text = node.requiredText(key, 64);
        if (text == null) {
            return null;
        }
        Optional<SemanticVersion> version = SemanticVersion.parse(text);
        if (version.isEmpty()) {
            node.problem(
                    key,
                    "'" + DescriptorNode.shorten(text)
                            + "' is not a semantic version: use MAJOR.MINOR.PATCH, such as 1.4.0");
        }
        return version.orElse(null);
    }

    private static String readSlug(DescriptorNode product, Map<String, DescriptorValue> custom, String title) {
        if (custom.containsKey("slug")) {
            DescriptorNode value = custom.get("slug").asFields();
            return value.matching(
                    "value",
                    SLUG,
                    "is not a product slug: lowercase letters, digits and hyphens, 2 to 63 characters, starting with a letter",
                    true,
                    63);
        }
        if (title == null) {
            return null;
        }
        String derived =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (derived.length() > 63) {
            derived = derived.substring(0, 63).replaceAll("-+$", "");
        }
        if (!SLUG.matcher(derived).matches()) {
            product.problem(
                    "customProperties",
                    "set a 'slug' custom property: the name '" + DescriptorNode.shorten(title)
                            + "' gives no usable product key (lowercase letters, digits and hyphens, starting with a letter)");
            return null;
        }
        return derived;
    }

    private record Team(String name, List<TeamMember> members, TeamMember owner) {}

    /** ODPS writes the team as an object with members; ODCS v3.0 as a plain list. Both are read. */
    private static Team readTeam(DescriptorNode document) {
        Object raw = document.raw("team");
        String teamName = null;
        List<DescriptorNode> memberNodes = List.of();
        if (raw instanceof List) {
            memberNodes = document.objects("team", false, 200);
        } else if (raw != null) {
            Optional<DescriptorNode> team = document.object("team", false);
            if (team.isPresent()) {
                teamName = team.get().text("name", 200);
                memberNodes = team.get().objects("members", false, 200);
            }
        }
        List<TeamMember> members = new ArrayList<>();
        TeamMember owner = null;
        for (DescriptorNode node : memberNodes) {
            String username = node.requiredText("username", 320);
            String name = node.text("name", 200);
            String role = node.text("role", 100);
            TeamMember member = new TeamMember(username, name, role);
            members.add(member);
            if (owner == null && role != null && OWNER_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                if (username != null && !EMAIL.matcher(username).matches()) {
                    node.problem(
                            "username", "the owner's username must be an e-mail address, so consumers can reach them");
                } else {
                    owner = member;
                }
            }
        }
        return new Team(teamName, members, owner);
    }

    private static List<SupportChannel> readSupport(DescriptorNode product) {
        List<SupportChannel> channels = new ArrayList<>();
        for (DescriptorNode node : product.objects("support", false, 20)) {
            String channel = node.requiredText("channel", 200);
            String url = safeUrl(node, "url", true);
            channels.add(new SupportChannel(channel, url, node.text("tool", 40), node.text("scope", 40)));
        }
        return channels;
    }

    /** Links end up on pages: only web and mail links are accepted, never javascript: or data:. */
    private static String safeUrl(DescriptorNode node, String key, boolean required) {
        String url = required ? node.requiredText(key, 2000) : node.text(key, 2000);
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:"))) {
            node.problem(key, "'" + DescriptorNode.shorten(url) + "' must be an https://, http:// or mailto: link");
            return null;
        }
        return url;
    }

    private static List<OutputPort> readOutputPorts(DescriptorNode product) {
        List<OutputPort> ports = new ArrayList<>();
        for (DescriptorNode node : product.objects("outputPorts", true, 50)) {
            warnIfDeprecated(node, PORT_DEPRECATION);
            String type = node.text("type", 40);
            String kind = null;
            if (type != null) {
                kind = PORT_KINDS.get(type.toLowerCase(Locale.ROOT));
                if (kind == null) {
                    node.problem(
                            "type",
                            "'" + DescriptorNode.shorten(type)
                                    + "' is not a port kind Signalbox knows: use table, view, topic, api or file");
                }
            }
            Map<String, DescriptorValue> custom = node.customProperties();
            String location = custom.containsKey("location")
                    ? custom.get("location").asFields().text("value", 500)
                    : null;
            ports.add(new OutputPort(
                    node.requiredText("name", 200),
                    node.text("description", 2000),
                    kind,
                    node.scalarText("version", 64),
                    node.matching("contractId", EXTERNAL_ID, "must be letters, digits and . _ : -", false, 200),
                    location));
        }
        return ports;
    }

    private static List<InputPort> readInputPorts(DescriptorNode product) {
        List<InputPort> ports = new ArrayList<>();
        for (DescriptorNode node : product.objects("inputPorts", false, 50)) {
            warnIfDeprecated(node, PORT_DEPRECATION);
            Map<String, DescriptorValue> custom = node.customProperties();
            String source = custom.containsKey("sourceProduct")
                    ? custom.get("sourceProduct")
                            .asFields()
                            .matching(
                                    "value",
                                    PRODUCT_KEY,
                                    "is not a product key such as network.service-inventory",
                                    false,
                                    104)
                    : null;
            ports.add(new InputPort(
                    node.requiredText("name", 200),
                    node.scalarText("version", 64),
                    node.text("contractId", 200),
                    source));
        }
        return ports;
    }

    private static List<DeclaredConsumer> readConsumers(DescriptorValue value) {
        List<DeclaredConsumer> consumers = new ArrayList<>();
        if (value == null) {
            return consumers;
        }
        for (DescriptorNode node : value.asFields().objects("value", false, 200)) {
            consumers.add(new DeclaredConsumer(
                    node.requiredText("team", 200),
                    node.matching("domain", DOMAIN_KEY, "is not a domain key such as billing", false, 40),
                    node.requiredText("purpose", 2000),
                    node.text("contact", 320)));
        }
        return consumers;
    }

    private static List<LifecycleMapping> readLifecycleMapping(DescriptorValue value) {
        List<LifecycleMapping> mapping = new ArrayList<>();
        if (value == null) {
            return mapping;
        }
        for (DescriptorNode node : value.asFields().objects("value", false, 100)) {
            mapping.add(new LifecycleMapping(node.requiredText("internal", 100), node.requiredText("canonical", 100)));
        }
        return mapping;
    }

    /** For each contract id, the version of the output port that links it (the contract id when it has none). */
    private static Map<String, String> portVersionsByContract(List<OutputPort> outputPorts) {
        Map<String, String> versions = new HashMap<>();
        for (OutputPort port : outputPorts) {
            if (port.contractId() != null) {
                versions.putIfAbsent(port.contractId(), port.version() == null ? port.contractId() : port.version());
            }
        }
        return versions;
    }

    /**
     * The name a schema object is kept under. Within a contract names are unique. Across contracts one name may
     * return: a product offers several versions of one output port, each with its own contract for the same table
     * (ODPS's own examples do). The first contract keeps the plain name, so that adding a port version is an
     * addition for the schema comparison; a later one is kept as {@code name@<port version>}.
     *
     * @return the name, or null when it cannot be kept (the problem is recorded)
     */
    private static String objectNameOf(
            DescriptorNode object,
            String name,
            String contractId,
            Map<String, String> portVersions,
            Set<String> namesInContract,
            Set<String> objectNames) {
        if (!namesInContract.add(name)) {
            object.problem("name", "'" + name + "' names two schema objects of this contract; names must be unique");
            return null;
        }
        if (objectNames.add(name)) {
            return name;
        }
        String qualified = name + "@" + (contractId == null ? "" : portVersions.getOrDefault(contractId, contractId));
        if (contractId == null || qualified.length() > 128 || !objectNames.add(qualified)) {
            object.problem(
                    "name",
                    "'" + name + "' names a schema object of another contract of this publication; a contract for "
                            + "another version of a port is kept as '" + DescriptorNode.shorten(qualified)
                            + "', which must be unique and at most 128 characters: give each port version its own "
                            + "version");
            return null;
        }
        return qualified;
    }

    private static void readContract(
            DescriptorNode contract,
            Set<String> referencedContracts,
            Map<String, String> portVersions,
            Set<String> contractIds,
            Set<String> objectNames,
            List<ColumnSpec> columns,
            List<SlaProperty> sla,
            List<LifecycleMapping> lifecycleMapping) {
        if (contract.has("dataset")) {
            contract.problem(
                    "dataset", "is ODCS v2; Signalbox reads ODCS v3: move the tables to schema[] with properties[]");
        }
        contract.matching("apiVersion", ODCS_VERSION, "is not an ODCS version Signalbox reads: use v3.x.x", true, 20);
        String id = contract.matching("id", EXTERNAL_ID, "must be letters, digits and . _ : -", true, 200);
        if (id != null && !contractIds.add(id)) {
            contract.problem(
                    "id",
                    "'" + id + "' is the id of another contract in this publication; contract ids must be unique");
        } else if (id != null && !referencedContracts.contains(id)) {
            contract.problem(
                    "id",
                    "'" + id + "' is not referenced by any product.outputPorts[].contractId: "
                            + "link the contract to the output port it describes");
        }
        Set<String> namesInContract = new HashSet<>();
        for (DescriptorNode object : contract.objects("schema", false, 100)) {
            String objectName = object.requiredText("name", 128);
            if (objectName != null) {
                objectName = objectNameOf(object, objectName, id, portVersions, namesInContract, objectNames);
                if (objectName == null) {
                    continue;
                }
            }
            Set<String> columnNames = new HashSet<>();
            readProperties(object, objectName, "", columnNames, columns);
        }
        for (DescriptorNode node : contract.objects("slaProperties", false, 50)) {
            String property = node.requiredText("property", 100);
            // 150 leaves room for the unit: the shown value ("99.5 percent") is stored in a column of 200 characters.
            String value = node.scalarText("value", 150);
            if (value == null && node.raw("value") == null) {
                node.problem("value", "is required");
            }
            sla.add(new SlaProperty(property, value, node.scalarText("unit", 40)));
        }
        Map<String, DescriptorValue> custom = contract.customProperties();
        lifecycleMapping.addAll(readLifecycleMapping(custom.get("lifecycleMapping")));
    }

    /**
     * How many columns a column may lie below its top-level column: {@code a.b.c.d.e.f.g} and
     * {@code a[].b[].c[].d[].e[].f[].g} are the deepest read. Real contracts stay well above it; the YAML nesting limit
     * ({@link DescriptorParser#MAX_DEPTH}) would stop arrays of objects only one level further down.
     */
    static final int MAX_NESTING_DEPTH = 6;

    /**
     * The column whose fields are being read, as its fields need it: its name, the prefix of theirs, their depth and
     * the classification they default to. At the top of a schema object there is none (name null, depth 0).
     */
    private record Container(String name, String prefix, int depth, Classification classification) {}

    private static void readProperties(
            DescriptorNode parent,
            String objectName,
            String prefix,
            Set<String> columnNames,
            List<ColumnSpec> columns) {
        readProperties(parent, objectName, new Container(null, prefix, 0, null), columnNames, columns);
    }

    private static void readProperties(
            DescriptorNode parent,
            String objectName,
            Container container,
            Set<String> columnNames,
            List<ColumnSpec> columns) {
        for (DescriptorNode property : parent.objects("properties", false, MAX_COLUMNS)) {
            String name = property.requiredText("name", 128);
            if (name != null) {
                readColumn(property, "name", objectName, container.prefix() + name, container, columnNames, columns);
            }
        }
    }

    /**
     * Reads one column and, below it, the fields it contains: an object's {@code properties}, an array's
     * {@code items}. Every nested field is a column like a top-level one, so that nothing inside a structure escapes
     * the page, the search or the rules. {@code nameKey} is the field its name came from ({@code name}), or null for
     * the items of an array, which have no name of their own.
     */
    private static void readColumn(
            DescriptorNode property,
            String nameKey,
            String objectName,
            String columnName,
            Container container,
            Set<String> columnNames,
            List<ColumnSpec> columns) {
        if (columnName.length() > 256) {
            property.problem(
                    nameKey,
                    "makes the nested column name '" + DescriptorNode.shorten(columnName)
                            + "' longer than 256 characters; flatten the structure");
            return;
        }
        if (container.depth() > MAX_NESTING_DEPTH) {
            property.problem(
                    nameKey,
                    "puts '" + DescriptorNode.shorten(columnName) + "' " + container.depth()
                            + " levels below its top-level column; at most " + MAX_NESTING_DEPTH
                            + " are read: flatten the structure");
            return;
        }
        if (!columnNames.add(columnName)) {
            property.problem(nameKey, "'" + columnName + "' is declared twice in " + objectName);
            return;
        }
        String logicalType = property.text("logicalType", 40);
        if (logicalType != null && !LOGICAL_TYPES.contains(logicalType)) {
            property.problem(
                    "logicalType",
                    "'" + DescriptorNode.shorten(logicalType) + "' is not an ODCS logical type: use one of "
                            + String.join(", ", LOGICAL_TYPES.stream().sorted().toList()));
        }
        if ("map".equals(logicalType)) {
            readMap(property);
        }
        // A field that declares no classification takes its container's: the container's value holds it, so the
        // label the owner gave the whole is the least that was said about the part (docs/descriptor.md §7).
        Classification declared = classification(property, "classification");
        Classification classification = declared != null ? declared : container.classification();
        Map<String, DescriptorValue> custom = property.customProperties();
        boolean pii = custom.containsKey("pii") && custom.get("pii").asFields().bool("value", false);
        String canonical = custom.containsKey("canonical")
                ? custom.get("canonical")
                        .asFields()
                        .matching(
                                "value",
                                CANONICAL_ATTRIBUTE,
                                "is not a canonical attribute: write Entity.attribute, such as Service.service_id",
                                false,
                                128)
                : null;
        String accessNote = custom.containsKey("accessNote")
                ? custom.get("accessNote").asFields().text("value", 1000)
                : null;
        columns.add(new ColumnSpec(
                objectName,
                columnName,
                logicalType,
                property.text("physicalType", 120),
                property.text("description", 4000),
                property.bool("required", false),
                property.bool("primaryKey", false),
                classification,
                pii,
                accessNote,
                canonical,
                property.texts("tags", 30, 50),
                container.name(),
                container.depth(),
                declared == null && classification != null));
        int below = container.depth() + 1;
        if (property.has("properties")) {
            readProperties(
                    property,
                    objectName,
                    new Container(columnName, columnName + ".", below, classification),
                    columnNames,
                    columns);
        }
        if (property.has("items")) {
            property.object("items", false)
                    .ifPresent(items ->
                            readItems(items, objectName, columnName, below, classification, columnNames, columns));
        }
    }

    /**
     * The items of an array column. Items with {@code properties} are objects: each of their fields is a column
     * {@code array[].field} inside the array column, and a classification on the items is their fields' default.
     * Other items (plain values, or arrays in turn) are one column, {@code array[]}, so that their type and labels
     * are kept and judged too.
     */
    private static void readItems(
            DescriptorNode items,
            String objectName,
            String arrayName,
            int depth,
            Classification arrayClassification,
            Set<String> columnNames,
            List<ColumnSpec> columns) {
        if (items.has("properties")) {
            Classification declared = classification(items, "classification");
            readProperties(
                    items,
                    objectName,
                    new Container(
                            arrayName, arrayName + "[].", depth, declared != null ? declared : arrayClassification),
                    columnNames,
                    columns);
        } else {
            readColumn(
                    items,
                    null,
                    objectName,
                    arrayName + "[]",
                    new Container(arrayName, "", depth, arrayClassification),
                    columnNames,
                    columns);
        }
    }

    /**
     * ODCS v3.2 {@code logicalType: map} (RFC 0030): a {@code map} block with a {@code key} and a {@code value}, each
     * of a single-value logical type. A map of objects or arrays is refused: its fields would not become columns, so
     * they would be neither shown nor classified nor judged.
     */
    private static void readMap(DescriptorNode property) {
        Optional<DescriptorNode> map = property.object("map", false);
        if (map.isEmpty()) {
            if (!property.has("map")) {
                property.problem(
                        "map", "is required with logicalType: map: give map.key and map.value (ODCS v3.2, RFC 0030)");
            }
            return;
        }
        for (String part : List.of("key", "value")) {
            Optional<DescriptorNode> entry = map.get().object(part, true);
            if (entry.isEmpty()) {
                continue;
            }
            String type = entry.get().requiredText("logicalType", 40);
            if ((type != null && !MAP_ENTRY_TYPES.contains(type))
                    || entry.get().has("properties")
                    || entry.get().has("items")) {
                entry.get()
                        .problem(
                                type == null ? "properties" : "logicalType",
                                (type == null
                                                ? "a map " + part + " with fields"
                                                : "'" + DescriptorNode.shorten(type) + "'")
                                        + " is not read in a map " + part + ": Signalbox reads maps whose key and value"
                                        + " are one of "
                                        + String.join(
                                                ", ",
                                                MAP_ENTRY_TYPES.stream()
                                                        .sorted()
                                                        .toList())
                                        + "; declare a map of objects or arrays as an object or array column instead,"
                                        + " so that its fields are shown, classified and checked");
            }
        }
    }

    /**
     * A classification level, or a council alias read as its level with a warning; any other name is refused naming
     * the levels and the aliases.
     */
    private static Classification classification(DescriptorNode node, String key) {
        String label = node.text(key, 40);
        if (label == null) {
            return null;
        }
        Optional<Classification> classification = Classification.fromLabel(label);
        if (classification.isPresent()) {
            return classification.get();
        }
        Optional<Classification> aliased = node.vocabulary().aliasFor(label);
        if (aliased.isPresent()) {
            node.warn(
                    key,
                    "'" + DescriptorNode.shorten(label) + "' is the council's alias for "
                            + aliased.get().label()
                            + ": read as " + aliased.get().label() + "; write "
                            + aliased.get().label()
                            + " to say it directly");
            return aliased.get();
        }
        node.problem(
                key,
                "'" + DescriptorNode.shorten(label) + "' is not a classification: use "
                        + node.vocabulary().choices());
        return null;
    }

    private static String slaValue(List<SlaProperty> sla, Set<String> properties) {
        return sla.stream()
                .filter(p -> p.property() != null && p.value() != null)
                .filter(p -> properties.contains(p.property().toLowerCase(Locale.ROOT)))
                .map(p -> p.unit() == null
                        ? p.value()
                        : Set.of("percent", "%").contains(p.unit().toLowerCase(Locale.ROOT))
                                ? p.value() + "%"
                                : p.value() + " " + p.unit())
                .findFirst()
                .orElse(null);
    }

    /** Identical meaning gives an identical hash, whatever the key order, comments or YAML-versus-JSON spelling. */
    private static String contentHash(List<Map<String, Object>> documents) {
        try {
            byte[] canonical = CANONICAL_JSON.writeValueAsBytes(documents);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash a parsed descriptor", e);
        }
    }
}
