package io.signalbox.catalog.descriptor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.InputPort;
import io.signalbox.catalog.model.ProductParts.LifecycleMapping;
import io.signalbox.catalog.model.ProductParts.SupportChannel;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.ErrorMappers;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the reader takes from a readable descriptor and what it refuses (422), every problem with its path, without
 * HTTP or a database: the plain counterpart of the API's DescriptorRefusalTest.
 */
class DescriptorReaderRefusalTest {

    private static final String DOMAIN = "network";

    private static Descriptors product() {
        return Descriptors.product(DOMAIN);
    }

    private static ProductDescriptor read(Descriptors builder) {
        return read(builder.yaml());
    }

    private static ProductDescriptor read(String yaml) {
        return DescriptorReader.read(yaml.getBytes(UTF_8), DescriptorFormat.YAML);
    }

    private static List<FieldProblem> refusal(String yaml) {
        Refusal refused = catchThrowableOfType(Refusal.class, () -> read(yaml));
        assertThat(refused).as("the descriptor is refused").isNotNull();
        assertThat(ErrorMappers.statusOf(refused)).isEqualTo(422);
        assertThat(refused.title()).isEqualTo("The descriptor is not valid");
        return refused.problems();
    }

    private static List<FieldProblem> refusal(Descriptors builder) {
        return refusal(builder.yaml());
    }

    private static FieldProblem onlyProblem(Descriptors builder) {
        List<FieldProblem> problems = refusal(builder);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** A contract document after the product's, as a second contract of the same publication. */
    private static String contract(String id, String... lines) {
        StringBuilder yaml = new StringBuilder("---\napiVersion: v3.0.2\nkind: DataContract\nid: " + id + "\n");
        for (String line : lines) {
            yaml.append(line).append('\n');
        }
        return yaml.toString();
    }

    // ---- documents ----

    @Test
    void aDocumentOfAnotherKindIsRefused() {
        FieldProblem problem = onlyProblem(product().productField("kind", "Something"));

        assertThat(problem.field()).isEqualTo("documents[0].kind");
        assertThat(problem.message()).startsWith("'Something' is not read here");
    }

    @Test
    void aDocumentWithoutAKindIsRefused() {
        List<FieldProblem> problems = refusal(product().yaml() + "---\nname: stray\n");

        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(
                        tuple("documents[2].kind", "is required: DataProduct (ODPS) or DataContract (ODCS v3)"));
    }

    @Test
    void aPublicationWithoutADataProductIsRefused() {
        List<FieldProblem> problems = refusal(contract("c1", "status: active").substring(4));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("documents");
        assertThat(problems.get(0).message()).startsWith("hold no DataProduct");
    }

    @Test
    void aSecondDataProductIsRefused() {
        Descriptors first = product().withoutColumns();
        String twice = first.yaml() + "---\n" + product().withoutColumns().yaml();

        assertThat(refusal(twice)).extracting(FieldProblem::field).containsExactly("documents[1].kind");
    }

    // ---- the product ----

    @Test
    void wrongTypesAreRefusedWithTheirPaths() {
        Descriptors product = product()
                .productField("tags", "5")
                .productField("version", "1.0")
                .withoutColumns()
                .column("service_id", "string", true, "internal", false, null, "Canonical service id")
                .columnYaml("      - name: service_name\n        logicalType: string\n        required: \"maybe\"\n");

        List<FieldProblem> problems = refusal(product);

        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactlyInAnyOrder(
                        tuple(
                                "product.version",
                                "must be a semantic version in quotes, such as \"1.0.0\", not the" + " number 1.0"),
                        tuple("product.tags", "must be a list of text, not a number (5)"),
                        tuple("contracts[0].schema[0].properties[1].required", "must be true or false, not text"));
    }

    @Test
    void missingRequiredFieldsAreAllListedAtOnce() {
        Descriptors product = product()
                .productField("name", null)
                .productField("id", null)
                .productField("domain", null)
                .purpose(null)
                .ownerRole("steward");

        assertThat(refusal(product))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "product.name",
                        "product.id",
                        "product.domain",
                        "product.description.purpose",
                        "product.team.members");
    }

    @Test
    void aVersionThatIsNotSemanticIsRefused() {
        assertThat(onlyProblem(product().version("1.0")).message())
                .isEqualTo("'1.0' is not a semantic version: use MAJOR.MINOR.PATCH, such as 1.4.0");
    }

    @Test
    void anInvalidSlugIsRefused() {
        FieldProblem problem = onlyProblem(product().slug("Bad Slug!"));

        assertThat(problem.field()).isEqualTo("product.customProperties[0].value");
        assertThat(problem.message()).startsWith("'Bad Slug!' is not a product slug");
    }

    @Test
    void aNameThatGivesNoSlugIsRefused() {
        FieldProblem problem = onlyProblem(product().withoutSlugProperty().title("!!!"));

        assertThat(problem.field()).isEqualTo("product.customProperties");
        assertThat(problem.message()).startsWith("set a 'slug' custom property: the name '!!!' gives no usable");
    }

    @Test
    void aDerivedSlugOfSixtyThreeCharactersIsKept() {
        String name = "a".repeat(63);

        assertThat(read(product().withoutSlugProperty().title(name)).slug()).isEqualTo(name);
    }

    @Test
    void anInvalidIdIsRefused() {
        FieldProblem problem = onlyProblem(product().externalId("\"not a valid id!\""));

        assertThat(problem.field()).isEqualTo("product.id");
        assertThat(problem.message()).startsWith("'not a valid id!' must be letters, digits");
    }

    @Test
    void anInvalidClassificationIsRefusedOnTheProductAndOnColumns() {
        Descriptors product = product()
                .classification("secret")
                .withoutColumns()
                .column("service_id", "string", true, "top-secret", false, null, "Canonical service id");

        assertThat(refusal(product))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactlyInAnyOrder(
                        tuple(
                                "product.customProperties[1].value",
                                "'secret' is not a classification: use public, internal, confidential or restricted"),
                        tuple(
                                "contracts[0].schema[0].properties[0].classification",
                                "'top-secret' is not a classification: use public, internal, confidential or"
                                        + " restricted"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "ftp://example.com"})
    void aSupportLinkThatIsNotAWebOrMailLinkIsRefused(String url) {
        FieldProblem problem = onlyProblem(product().supportUrl(url));

        assertThat(problem.field()).isEqualTo("product.support[0].url");
        assertThat(problem.message()).isEqualTo("'" + url + "' must be an https://, http:// or mailto: link");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://wiki.example.com/network", "HTTP://intranet/network", "mailto:data@example.com"})
    void webAndMailSupportLinksAreKept(String url) {
        assertThat(read(product().supportUrl(url)).support())
                .containsExactly(new SupportChannel("network-data", url, "email", null));
    }

    @Test
    void aTitleOfTwoHundredCharactersIsReadAndOneMoreIsRefused() {
        assertThat(read(product().title("T".repeat(200))).title()).hasSize(200);

        FieldProblem problem = onlyProblem(product().title("T".repeat(201)));
        assertThat(problem.field()).isEqualTo("product.name");
        assertThat(problem.message()).isEqualTo("is 201 characters long; at most 200 are accepted");
    }

    @Test
    void anOwnerWhoseUsernameIsNotAnEmailIsRefused() {
        String yaml = product().yaml().replace("username: ana.costa@example.com", "username: ana");

        assertThat(refusal(yaml))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple(
                        "product.team.members[0].username",
                        "the owner's username must be an e-mail address, so consumers can reach them"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "productOwner", "Product Owner", "DATAOWNER"})
    void everySpellingOfTheOwnerRoleNamesTheOwner(String role) {
        assertThat(read(product().ownerRole(role)).ownerEmail()).isEqualTo("ana.costa@example.com");
    }

    @Test
    void anUnknownPortKindIsRefused() {
        String yaml = product().yaml().replace("    type: table\n", "    type: spreadsheet\n");

        assertThat(refusal(yaml)).extracting(FieldProblem::field).containsExactly("product.outputPorts[0].type");
    }

    @Test
    void tagsAreReadInLowerCaseWithoutRepeats() {
        Descriptors product = product().productField("tags", "[Service, service, Inventory]");

        assertThat(read(product).tags()).containsExactly("service", "inventory");
    }

    @Test
    void inputPortsAndConsumersAreRead() {
        Descriptors product = product()
                .productLine("  - property: lifecycleMapping")
                .productLine("    value:")
                .productLine("      - internal: in-service")
                .productLine("        canonical: active")
                .productLine("inputPorts:")
                .productLine("  - name: orders")
                .productLine("    version: 2")
                .productLine("    contractId: orders-contract")
                .productLine("    customProperties:")
                .productLine("      - property: sourceProduct")
                .productLine("        value: sales.orders");

        ProductDescriptor descriptor = read(product);

        assertThat(descriptor.inputPorts())
                .containsExactly(new InputPort("orders", "2", "orders-contract", "sales.orders"));
        assertThat(descriptor.consumers())
                .containsExactly(new DeclaredConsumer(
                        "Billing Operations", "billing", "Rate usage per service", "team@example.com"));
        assertThat(descriptor.lifecycleMapping()).containsExactly(new LifecycleMapping("in-service", "active"));
    }

    @Test
    void anInputPortsSourceMustBeAProductKey() {
        Descriptors product = product()
                .productLine("inputPorts:")
                .productLine("  - name: orders")
                .productLine("    customProperties:")
                .productLine("      - property: sourceProduct")
                .productLine("        value: Orders");

        assertThat(onlyProblem(product).field()).isEqualTo("product.inputPorts[0].customProperties[0].value");
    }

    @Test
    void aSupportChannelWithoutALinkIsRefused() {
        String yaml = product().yaml().replace("    url: \"mailto:network-data@example.com\"\n", "");

        assertThat(refusal(yaml))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple("product.support[0].url", "is required"));
    }

    @Test
    void aProductWithoutAChangelogHasNone() {
        assertThat(read(product().withoutChangelog()).changelog()).isNull();
        assertThat(read(product().changelog("Added vlan_id.")).changelog()).isEqualTo("Added vlan_id.");
    }

    // ---- contracts and columns ----

    @Test
    void columnsAreReadWithEverythingTheyDeclare() {
        Descriptors product = product()
                .withoutColumns()
                .columnYaml("      - name: service_id\n"
                        + "        logicalType: string\n"
                        + "        physicalType: varchar(14)\n"
                        + "        required: true\n"
                        + "        primaryKey: true\n"
                        + "        classification: Internal\n"
                        + "        tags: [key, canonical]\n"
                        + "        customProperties:\n"
                        + "          - property: canonical\n"
                        + "            value: Service.service_id\n")
                .column("msisdn", "string", false, "restricted", true, null, "Phone number");

        List<ColumnSpec> columns = read(product).columns();

        assertThat(columns)
                .containsExactly(
                        new ColumnSpec(
                                "main",
                                "service_id",
                                "string",
                                "varchar(14)",
                                null,
                                true,
                                true,
                                Classification.INTERNAL,
                                false,
                                null,
                                "Service.service_id",
                                List.of("key", "canonical")),
                        new ColumnSpec(
                                "main",
                                "msisdn",
                                "string",
                                null,
                                "Phone number",
                                false,
                                false,
                                Classification.RESTRICTED,
                                true,
                                "Masked outside customer care",
                                null,
                                List.of()));
    }

    @Test
    void nestedPropertiesAreColumnsNamedByTheirPath() {
        Descriptors product = product()
                .withoutColumns()
                .columnYaml("      - name: address\n"
                        + "        logicalType: object\n"
                        + "        properties:\n"
                        + "          - name: street\n"
                        + "            logicalType: string\n"
                        + "          - name: geo\n"
                        + "            logicalType: object\n"
                        + "            properties:\n"
                        + "              - name: lat\n"
                        + "                logicalType: number\n");

        assertThat(read(product).columns())
                .extracting(ColumnSpec::name)
                .containsExactly("address", "address.street", "address.geo", "address.geo.lat");
    }

    @Test
    void aColumnDeclaredTwiceIsRefused() {
        Descriptors product = product().column("service_name", "string", false, "internal", false, null, "Again");

        FieldProblem problem = onlyProblem(product);
        assertThat(problem.field()).isEqualTo("contracts[0].schema[0].properties[2].name");
        assertThat(problem.message()).isEqualTo("'service_name' is declared twice in main");
    }

    @Test
    void anUnknownLogicalTypeIsRefused() {
        Descriptors product = product().column("vlan_id", "int", false, "internal", false, null, "VLAN");

        FieldProblem problem = onlyProblem(product);
        assertThat(problem.field()).isEqualTo("contracts[0].schema[0].properties[2].logicalType");
        assertThat(problem.message()).startsWith("'int' is not an ODCS logical type: use one of ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Service", "service.service_id", "Service.Service_id", "Service.service id"})
    void aCanonicalMappingThatIsNotEntityDotAttributeIsRefused(String canonical) {
        Descriptors product = product().column("x", "string", false, "internal", false, "\"" + canonical + "\"", "X");

        FieldProblem problem = onlyProblem(product);
        assertThat(problem.field()).isEqualTo("contracts[0].schema[0].properties[2].customProperties[0].value");
        assertThat(problem.message())
                .endsWith("is not a canonical attribute: write Entity.attribute, such as" + " Service.service_id");
    }

    @Test
    void aNestedColumnNameOfTwoHundredAndFiftySixCharactersIsRead() {
        assertThat(read(nested("p".repeat(127), "c".repeat(128))).columns())
                .extracting(c -> c.name().length())
                .containsExactly(127, 256);
    }

    @Test
    void aNestedColumnNameLongerThanTwoHundredAndFiftySixCharactersIsRefused() {
        FieldProblem problem = onlyProblem(nested("p".repeat(128), "c".repeat(128)));

        assertThat(problem.field()).isEqualTo("contracts[0].schema[0].properties[0].properties[0].name");
        assertThat(problem.message()).endsWith("longer than 256 characters; flatten the structure");
    }

    private static Descriptors nested(String parent, String child) {
        return product()
                .withoutColumns()
                .columnYaml("      - name: " + parent + "\n"
                        + "        logicalType: object\n"
                        + "        properties:\n"
                        + "          - name: " + child + "\n"
                        + "            logicalType: string\n");
    }

    @Test
    void twoThousandColumnsAreRead() {
        Descriptors product = product().withoutColumns();
        for (int i = 0; i < 2_000; i++) {
            product.columnYaml("      - name: c" + i + "\n");
        }

        assertThat(read(product).columns()).hasSize(2_000);
    }

    @Test
    void moreThanTwoThousandColumnsAcrossObjectsAreRefused() {
        StringBuilder second = new StringBuilder("  - name: more\n    properties:\n");
        Descriptors product = product().withoutColumns();
        for (int i = 0; i < 1_000; i++) {
            product.columnYaml("      - name: c" + i + "\n");
            second.append("      - name: m").append(i).append('\n');
        }
        product.columnYaml("      - name: one_too_many\n");
        String yaml = product.yaml().replace("slaProperties:\n", second + "slaProperties:\n");

        assertThat(refusal(yaml))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple("contracts", "declare 2001 columns; at most 2000 are accepted"));
    }

    @Test
    void separateFilesAreReadAsOnePublication() {
        Descriptors product = product();
        String[] documents = product.yaml().split("(?m)^---\n");
        String contractJson = "{\"apiVersion\": \"v3.0.2\", \"kind\": \"DataContract\", \"id\": \""
                + product.contractId() + "\", \"schema\": [{\"name\": \"main\", \"properties\": [{\"name\":"
                + " \"service_id\", \"logicalType\": \"string\"}]}]}";

        ProductDescriptor descriptor = DescriptorReader.read(List.of(
                new DescriptorReader.DescriptorFile(
                        "product.yaml", documents[0].getBytes(UTF_8), DescriptorFormat.YAML),
                new DescriptorReader.DescriptorFile(
                        "contract\n.json", contractJson.getBytes(UTF_8), DescriptorFormat.JSON)));

        assertThat(descriptor.productKey()).isEqualTo(product.key());
        assertThat(descriptor.columns()).extracting(ColumnSpec::name).containsExactly("service_id");
        assertThat(descriptor.format()).isEqualTo(DescriptorFormat.YAML);
        assertThat(descriptor.text())
                .startsWith("# product.yaml\n" + documents[0])
                .contains("\n---\n# contract .json\n" + contractJson);
    }

    @Test
    void anOdcsV2ContractIsRefused() {
        Descriptors product = product().withoutColumns();
        String v2 = product.yaml()
                + "---\napiVersion: v2.2.2\nkind: DataContract\nid: " + product.contractId() + "\n"
                + "dataset:\n  - table: services\n";

        assertThat(refusal(v2))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("contracts[0].dataset", "contracts[0].apiVersion");
    }

    @Test
    void aContractNoOutputPortReferencesIsRefused() {
        FieldProblem problem = onlyProblem(product().outputContractId("some-other-contract"));

        assertThat(problem.field()).isEqualTo("contracts[0].id");
        assertThat(problem.message()).contains("not referenced by any product.outputPorts[].contractId");
    }

    @Test
    void twoContractsWithOneIdAreRefused() {
        Descriptors product = product();
        String yaml = product.yaml() + contract(product.contractId(), "status: active");

        assertThat(refusal(yaml))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple(
                        "contracts[1].id",
                        "'" + product.contractId() + "' is the id of another contract in this publication; contract"
                                + " ids must be unique"));
    }

    @Test
    void twoSchemaObjectsWithOneNameAreRefused() {
        String yaml = product()
                .yaml()
                .replace("schema:\n", "schema:\n  - name: main\n    properties:\n      - name: other\n");

        assertThat(refusal(yaml))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple(
                        "contracts[0].schema[1].name",
                        "'main' names two schema objects of this contract; names must be unique"));
    }

    @Test
    void anSlaValueIsRequired() {
        Descriptors product = product().withoutSla().slaProperty("freshness", null, null);

        assertThat(onlyProblem(product).field()).isEqualTo("contracts[0].slaProperties[0].value");
    }

    @Test
    void theTeamMayComeFromTheContractWhenTheProductHasNone() {
        Descriptors product = product()
                .withoutProductTeam()
                .contractLine("team:")
                .contractLine("  name: Contract Team")
                .contractLine("  members:")
                .contractLine("    - username: lee.wong@example.com")
                .contractLine("      role: owner");

        ProductDescriptor descriptor = read(product);

        assertThat(descriptor.ownerEmail()).isEqualTo("lee.wong@example.com");
        assertThat(descriptor.teamName()).isEqualTo("Contract Team");
    }
}
