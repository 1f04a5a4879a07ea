package io.signalbox.governance.rules;

import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.LifecycleMapping;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.SlaProperty;
import io.signalbox.catalog.model.ProductParts.SupportChannel;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SchemaColumn;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.governance.canonical.CanonicalModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A publication under evaluation, built in Java rather than YAML. {@link #aProduct()} passes every rule: one table
 * ({@code main}) with a canonical service id and name, an owner, support, a consumer, a classification, a changelog
 * and a freshness SLA. A test changes only what it is about, then {@link #build()}s the {@link Proposal} the gate
 * would build: the descriptor, the previous version if any, the schema changes between them (by {@link SchemaDiff},
 * as {@link GovernanceGate#evaluate} computes them) and the council's canonical model.
 *
 * <p>A previous version is a snapshot: {@link #previouslyPublishedAs} records the columns as they are at that point,
 * and what the test changes afterwards is the new version.
 */
public final class ProposalBuilder {

    public static final String TABLE = "main";

    private SemanticVersion version = new SemanticVersion(1, 0, 0, null);
    private Classification classification = Classification.INTERNAL;
    private String ownerName = "Ana Costa";
    private String ownerEmail = "ana.costa@example.com";
    private final List<SupportChannel> support = new ArrayList<>(
            List.of(new SupportChannel("#network-data", "mailto:network-data@example.com", "slack", "questions")));
    private final List<DeclaredConsumer> consumers = new ArrayList<>(List.of(new DeclaredConsumer(
            "Billing Operations", "billing", "Rate usage per service", "billing-ops@example.com")));
    private final List<LifecycleMapping> lifecycleMapping = new ArrayList<>();
    private String slaFreshness = "daily by 06:00 UTC";
    private String changelog = "First publication.";
    private final List<ColumnBuilder> columns = new ArrayList<>();
    private ProductVersion previous;
    private CanonicalModel model = Council.model();

    private ProposalBuilder() {}

    /** A product that every rule lets through. */
    public static ProposalBuilder aProduct() {
        return new ProposalBuilder()
                .column(
                        "service_id",
                        c -> c.physicalType("varchar(14)")
                                .required()
                                .primaryKey()
                                .canonical("Service.service_id")
                                .description("Canonical service id"))
                .column(
                        "service_name",
                        c -> c.physicalType("varchar(120)")
                                .canonical("Service.service_name")
                                .description("Human readable name"));
    }

    // ---- columns ----

    /** Adds an optional, internal string column to the table {@code main}. */
    public ProposalBuilder column(String name) {
        return column(name, c -> c);
    }

    /** Adds a column, shaped from the defaults of {@link #column(String)}. */
    public ProposalBuilder column(String name, UnaryOperator<ColumnBuilder> shape) {
        if (find(name).isPresent()) {
            throw new IllegalArgumentException(name + " is already a column; use alterColumn");
        }
        columns.add(shape.apply(new ColumnBuilder(name)));
        return this;
    }

    /** Changes a column in place, keeping its position (so a new name reads as a rename). */
    public ProposalBuilder alterColumn(String name, UnaryOperator<ColumnBuilder> change) {
        ColumnBuilder column = find(name).orElseThrow(() -> new IllegalArgumentException("there is no column " + name));
        columns.set(columns.indexOf(column), change.apply(column));
        return this;
    }

    public ProposalBuilder withoutColumn(String name) {
        if (!columns.removeIf(c -> c.name.equals(name))) {
            throw new IllegalArgumentException("there is no column " + name);
        }
        return this;
    }

    public ProposalBuilder withoutColumns() {
        columns.clear();
        return this;
    }

    private Optional<ColumnBuilder> find(String name) {
        return columns.stream().filter(c -> c.name.equals(name)).findFirst();
    }

    // ---- documentation ----

    public ProposalBuilder version(String text) {
        this.version = SemanticVersion.parse(text).orElseThrow(() -> new IllegalArgumentException(text));
        return this;
    }

    public ProposalBuilder owner(String name, String email) {
        this.ownerName = name;
        this.ownerEmail = email;
        return this;
    }

    public ProposalBuilder withoutOwner() {
        return owner(null, null);
    }

    public ProposalBuilder support(String channel, String url) {
        support.add(new SupportChannel(channel, url, null, null));
        return this;
    }

    public ProposalBuilder withoutSupport() {
        support.clear();
        return this;
    }

    public ProposalBuilder consumer(String team, String domain, String purpose) {
        consumers.add(new DeclaredConsumer(team, domain, purpose, null));
        return this;
    }

    public ProposalBuilder withoutConsumers() {
        consumers.clear();
        return this;
    }

    /** The product's own classification label ({@code null}: none). */
    public ProposalBuilder classification(Classification classification) {
        this.classification = classification;
        return this;
    }

    public ProposalBuilder changelog(String changelog) {
        this.changelog = changelog;
        return this;
    }

    /** The freshness SLA as the reader derives it from freshness, latency or frequency ({@code null}: none). */
    public ProposalBuilder freshness(String freshness) {
        this.slaFreshness = freshness;
        return this;
    }

    public ProposalBuilder withoutFreshness() {
        return freshness(null);
    }

    /** Maps one of the product's own lifecycle states to a canonical state ({@code null}: left unmapped). */
    public ProposalBuilder lifecycleMapping(String internal, String canonical) {
        lifecycleMapping.add(new LifecycleMapping(internal, canonical));
        return this;
    }

    // ---- what it is judged against ----

    /** The version published before this one, with the columns as they are now. */
    public ProposalBuilder previouslyPublishedAs(String text) {
        SemanticVersion number = SemanticVersion.parse(text).orElseThrow(() -> new IllegalArgumentException(text));
        ProductVersion published = new ProductVersion();
        published.version = number.toString();
        published.major = number.major();
        published.minor = number.minor();
        published.patch = number.patch();
        published.classification = classification;
        published.ownerName = ownerName;
        published.ownerEmail = ownerEmail;
        published.slaFreshness = slaFreshness;
        published.changelog = changelog;
        for (int i = 0; i < columns.size(); i++) {
            SchemaColumn stored = columns.get(i).stored(i);
            stored.version = published;
            published.columns.add(stored);
        }
        this.previous = published;
        return this;
    }

    public ProposalBuilder model(CanonicalModel model) {
        this.model = model;
        return this;
    }

    // ---- building ----

    public ProductDescriptor descriptor() {
        List<TeamMember> team =
                ownerEmail == null ? List.of() : List.of(new TeamMember(ownerEmail, ownerName, "owner"));
        List<SlaProperty> sla = slaFreshness == null
                ? List.of(new SlaProperty("availability", "99.5", "percent"))
                : List.of(
                        new SlaProperty("freshness", slaFreshness, null),
                        new SlaProperty("availability", "99.5", "percent"));
        return new ProductDescriptor(
                "network",
                "service-inventory",
                "0b6a7c52-5d1f-4c49-9f5e-0d3f2b7a1e10",
                "Service inventory",
                version,
                LifecycleStatus.PUBLISHED,
                "Every network service with its current lifecycle state.",
                "Refreshed once a day.",
                "Join on service_id.",
                List.of("service", "inventory"),
                classification,
                ownerName,
                ownerEmail,
                "Network Data Team",
                team,
                List.copyOf(support),
                List.of(new OutputPort(
                        "services", "The service table", "table", "1.0.0", "service-inventory-contract", null)),
                List.of(),
                List.copyOf(consumers),
                List.copyOf(lifecycleMapping),
                slaFreshness,
                "99.5%",
                sla,
                changelog,
                columns.stream().map(ColumnBuilder::spec).toList(),
                "0".repeat(64),
                "",
                DescriptorFormat.YAML,
                List.of(),
                false);
    }

    public Proposal build() {
        ProductDescriptor descriptor = descriptor();
        Optional<ProductVersion> before = Optional.ofNullable(previous);
        List<SchemaDiff.Change> changes = before.map(p -> SchemaDiff.compare(
                        SchemaDiff.ofStored(p.columns), SchemaDiff.ofDescriptor(descriptor.columns())))
                .orElse(List.of());
        return new Proposal(descriptor, before, changes, model);
    }

    /** One column (an ODCS property): by default an optional, internal string of the table {@code main}. */
    public static final class ColumnBuilder {
        private String objectName = TABLE;
        private String name;
        private String logicalType = "string";
        private String physicalType;
        private String description = "A column";
        private boolean required;
        private boolean primaryKey;
        private Classification classification = Classification.INTERNAL;
        private boolean pii;
        private String accessNote;
        private String canonical;
        private String parent;
        private int depth;
        private boolean classificationInherited;

        private ColumnBuilder(String name) {
            this.name = name;
        }

        /** The schema object (table) the column belongs to. */
        public ColumnBuilder in(String objectName) {
            this.objectName = objectName;
            return this;
        }

        public ColumnBuilder name(String name) {
            this.name = name;
            return this;
        }

        /** The ODCS logical type ({@code null}: untyped). */
        public ColumnBuilder type(String logicalType) {
            this.logicalType = logicalType;
            return this;
        }

        public ColumnBuilder physicalType(String physicalType) {
            this.physicalType = physicalType;
            return this;
        }

        public ColumnBuilder description(String description) {
            this.description = description;
            return this;
        }

        public ColumnBuilder required() {
            return required(true);
        }

        public ColumnBuilder required(boolean required) {
            this.required = required;
            return this;
        }

        public ColumnBuilder primaryKey() {
            return primaryKey(true);
        }

        public ColumnBuilder primaryKey(boolean primaryKey) {
            this.primaryKey = primaryKey;
            return this;
        }

        public ColumnBuilder classification(Classification classification) {
            this.classification = classification;
            return this;
        }

        public ColumnBuilder unclassified() {
            return classification(null);
        }

        /** Flags the column as personal data, with no access note yet. */
        public ColumnBuilder pii() {
            this.pii = true;
            return this;
        }

        /** Flags the column as personal data, protected as the council asks by default. */
        public ColumnBuilder protectedPersonalData() {
            return pii().classification(Classification.CONFIDENTIAL)
                    .accessNote("Ask the data protection officer; access for fraud handling only.");
        }

        public ColumnBuilder accessNote(String accessNote) {
            this.accessNote = accessNote;
            return this;
        }

        /**
         * A field nested in another column, as the reader makes it: named {@code parent[].name} inside an array,
         * one level down. Give the column's full path with {@link #name} or at {@link ProposalBuilder#column}.
         */
        public ColumnBuilder inside(String parent) {
            this.parent = parent;
            this.depth = 1;
            return this;
        }

        /** The column declared no classification and carries its container's ({@link #inside} first). */
        public ColumnBuilder inheriting(Classification classification) {
            this.classification = classification;
            this.classificationInherited = true;
            return this;
        }

        /** The canonical attribute the column holds, as "Entity.attribute" ({@code null}: none). */
        public ColumnBuilder canonical(String qualifiedAttribute) {
            this.canonical = qualifiedAttribute;
            return this;
        }

        ColumnSpec spec() {
            return new ColumnSpec(
                    objectName,
                    name,
                    logicalType,
                    physicalType,
                    description,
                    required,
                    primaryKey,
                    classification,
                    pii,
                    accessNote,
                    canonical,
                    List.of(),
                    parent,
                    depth,
                    classificationInherited);
        }

        SchemaColumn stored(int position) {
            SchemaColumn column = new SchemaColumn();
            column.position = position;
            column.objectName = objectName;
            column.name = name;
            column.logicalType = logicalType;
            column.physicalType = physicalType;
            column.description = description;
            column.required = required;
            column.primaryKey = primaryKey;
            column.classification = classification;
            column.pii = pii;
            column.accessNote = accessNote;
            column.canonicalAttribute = canonical;
            column.parentName = parent;
            column.depth = depth;
            column.classificationInherited = classificationInherited;
            return column;
        }
    }
}
