package io.signalbox.catalog.product;

import io.signalbox.catalog.map.DomainDependencies.Dependents;
import io.signalbox.catalog.map.DomainDependencies.Sources;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.InputPort;
import io.signalbox.catalog.model.ProductParts.LifecycleMapping;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.SlaProperty;
import io.signalbox.catalog.model.ProductParts.SupportChannel;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SchemaColumn;
import io.signalbox.catalog.publishing.PublicationGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read shapes of the catalog. Each page and its JSON twin render the same view, so the API always says what the
 * page shows.
 */
public final class CatalogViews {

    private CatalogViews() {}

    /** A domain and its products counted in SQL: all of them, the published and the deprecated ones. */
    public record DomainSummary(String key, String name, long products, long published, long deprecated) {}

    /** How many of a domain's products have one status or one classification ({@code unclassified} for none). */
    public record Count(String value, long products) {}

    /** A product and the number of consumers its current version declares. */
    public record ConsumedProduct(ProductSummary product, int consumers) {}

    /**
     * A domain and a summary of its products, bounded whatever the domain's size (issue 12): counts by status and by
     * classification computed in SQL, the most recently published and the most consumed products (at most
     * {@link CatalogQueries#DOMAIN_SUMMARY_PRODUCTS} each). Every product is on the paged {@code productsLink}
     * ({@code /api/domains/{key}/products}) and in search with the domain facet set ({@code searchLink}). Its place in
     * the mesh (docs/domain-map.md): {@code consumes}, the products of other domains it reads or is declared a
     * consumer of (the {@link CatalogQueries#DOMAIN_SUMMARY_DEPENDENCIES} read by most of its products, and the
     * total), and {@code dependedOnBy}, the domains depending on it (as many, heaviest first, and the total).
     */
    public record DomainView(
            String key,
            String name,
            String description,
            String businessOwner,
            String technicalContact,
            Instant createdAt,
            Instant updatedAt,
            int lockVersion,
            long productCount,
            List<Count> byStatus,
            List<Count> byClassification,
            List<ProductSummary> recentlyPublished,
            List<ConsumedProduct> mostConsumed,
            String productsLink,
            String searchLink,
            Sources consumes,
            Dependents dependedOnBy) {

        static DomainView of(
                Domain domain,
                long productCount,
                List<Count> byStatus,
                List<Count> byClassification,
                List<ProductSummary> recentlyPublished,
                List<ConsumedProduct> mostConsumed,
                Sources consumes,
                Dependents dependedOnBy) {
            return new DomainView(
                    domain.key,
                    domain.name,
                    domain.description,
                    domain.businessOwner,
                    domain.technicalContact,
                    domain.createdAt,
                    domain.updatedAt,
                    domain.lockVersion,
                    productCount,
                    byStatus,
                    byClassification,
                    recentlyPublished,
                    mostConsumed,
                    "/api/domains/" + domain.key + "/products",
                    "/search?domain=" + domain.key,
                    consumes,
                    dependedOnBy);
        }
    }

    /** A product as lists show it: its current version's title, labels and owner. */
    public record ProductSummary(
            String key,
            String title,
            String domain,
            String status,
            String classification,
            String version,
            String ownerName,
            String ownerEmail,
            List<String> tags,
            Instant updatedAt,
            String purpose) {}

    /** One version in the home page's timeline; {@code purpose} is the version's Markdown, shown reduced to text. */
    public record Publication(
            String productKey, String title, String domain, String version, Instant publishedAt, String purpose) {}

    /**
     * A product as its page shows it: the shown version whole (its lists are bounded by the descriptor's limits: at
     * most 2000 columns, 200 consumers, 50 output ports), the {@link CatalogQueries#PRODUCT_PAGE_VERSIONS} newest
     * versions and {@code versionCount}; every version is on the paged {@code GET /api/products/{key}/versions}.
     */
    public record ProductView(
            String key,
            String domain,
            String domainName,
            String externalId,
            String status,
            Instant createdAt,
            Instant updatedAt,
            String currentVersion,
            VersionView version,
            List<VersionSummary> versions,
            long versionCount,
            StandingReader.Standing standing,
            DeprecationView deprecation) {

        /** Whether {@code versions} (the newest few) leaves versions out: the page then links to the whole list. */
        public boolean hasMoreVersions() {
            return versionCount > versions.size();
        }

        /** Whether this view shows an older version than the current one. */
        public boolean showsOlderVersion() {
            return !version.version().equals(currentVersion);
        }
    }

    /**
     * The deprecation notice covering the shown version's major line ({@code majorVersion}; null when it covers the
     * whole product), as the product page's banner and {@code GET /api/products/{key}} show it. {@code state} is
     * {@code active} or {@code retired}; {@code sunset} is the day it stops (UTC) and {@code sunsetAt} that day's
     * first instant; {@code daysLeft} counts whole days from today (UTC, on the portal's clock) to the sunset, 0 on
     * the day and after it; {@code migrationGuide} is Markdown; {@code href} the notice's page.
     * {@code schemaChangesForYou} is the consumer-side difference between the shown version and the successor's,
     * present only for a reader who is a declared consumer of the product (their email is a consumer's contact, or they
     * own a product reading it as an input port) when there is a successor; null otherwise.
     */
    public record DeprecationView(
            Integer majorVersion,
            String state,
            java.time.LocalDate sunset,
            Instant sunsetAt,
            Instant issuedAt,
            String reason,
            Successor successor,
            String noSuccessorReason,
            String migrationGuide,
            long daysLeft,
            String href,
            List<ColumnChange> schemaChangesForYou) {

        /** Whether the sunset has passed and the product (or line) is retired: its page is a tombstone. */
        public boolean retired() {
            return "retired".equals(state);
        }

        /** Who the notice is about, starting a sentence: "This product" or "Major line 1 of this product". */
        public String subject() {
            return majorVersion == null ? "This product" : "Major line " + majorVersion + " of this product";
        }

        /** How far away the sunset is, in words: "in 91 days", "in 1 day", "today". */
        public String countdown() {
            return daysLeft == 0 ? "today" : daysLeft == 1 ? "in 1 day" : "in " + daysLeft + " days";
        }
    }

    /** What to use instead: a product, at a named version or (version null) its current one; {@code href} its page. */
    public record Successor(String key, String version, String href) {}

    /**
     * One column that is different in the successor, matched by (object, column name): {@code change} is
     * {@code removed}, {@code type changed}, {@code classification changed} or {@code added}; {@code before} and
     * {@code after} the type or classification on each side (null where the column does not exist).
     */
    public record ColumnChange(String object, String column, String change, String before, String after) {}

    public record VersionSummary(
            String version, Instant publishedAt, String publishedBy, String changelog, boolean current) {}

    public record Owner(String name, String email) {}

    public record ServiceLevel(String freshness, String availability, List<SlaProperty> properties) {}

    public record VersionView(
            String version,
            String title,
            String purpose,
            String limitations,
            String usage,
            String declaredStatus,
            String classification,
            Owner owner,
            String teamName,
            List<TeamMember> team,
            List<SupportChannel> support,
            List<String> tags,
            List<OutputPort> outputPorts,
            List<InputPort> inputPorts,
            List<DeclaredConsumer> consumers,
            List<LifecycleMapping> lifecycleMapping,
            ServiceLevel sla,
            String changelog,
            Instant publishedAt,
            String publishedBy,
            List<SchemaObjectView> schema,
            Governance governance) {

        static VersionView of(ProductVersion v, List<PublicationGate.Finding> warnings) {
            Map<String, List<ColumnView>> byObject = new LinkedHashMap<>();
            for (SchemaColumn c : v.columns) {
                byObject.computeIfAbsent(c.objectName, k -> new ArrayList<>()).add(ColumnView.of(c));
            }
            List<SchemaObjectView> schema = byObject.entrySet().stream()
                    .map(e -> new SchemaObjectView(e.getKey(), e.getValue()))
                    .toList();
            return new VersionView(
                    v.version,
                    v.title,
                    v.purpose,
                    v.limitations,
                    v.usage,
                    v.declaredStatus.label(),
                    v.classification == null ? null : v.classification.label(),
                    new Owner(v.ownerName, v.ownerEmail),
                    v.teamName,
                    List.copyOf(v.team),
                    List.copyOf(v.support),
                    List.copyOf(v.tags),
                    List.copyOf(v.outputPorts),
                    List.copyOf(v.inputPorts),
                    List.copyOf(v.consumers),
                    List.copyOf(v.lifecycleMapping),
                    new ServiceLevel(v.slaFreshness, v.slaAvailability, List.copyOf(v.sla)),
                    v.changelog,
                    v.publishedAt,
                    v.publishedBy,
                    schema,
                    new Governance(
                            v.ruleSetVersion,
                            warnings,
                            v.columns.stream()
                                    .map(ColumnView::of)
                                    .filter(ColumnView::untagged)
                                    .map(ColumnView::name)
                                    .toList()));
        }

        /** The primary support contact: the first channel the descriptor lists. */
        public SupportChannel primarySupport() {
            return support.isEmpty() ? null : support.get(0);
        }

        public List<ColumnView> piiColumns() {
            return columns().stream().filter(ColumnView::pii).toList();
        }

        public List<ColumnView> columns() {
            return schema.stream().flatMap(o -> o.columns().stream()).toList();
        }

        /** How many columns carry each classification, most sensitive first; "unclassified" last. */
        public List<ClassificationCount> classificationCounts() {
            List<ClassificationCount> counts = new ArrayList<>();
            List<Classification> order = new ArrayList<>(Arrays.asList(Classification.values()));
            java.util.Collections.reverse(order);
            for (Classification c : order) {
                long n = columns().stream()
                        .filter(col -> c.label().equals(col.classification()))
                        .count();
                if (n > 0) {
                    counts.add(new ClassificationCount(c.label(), n));
                }
            }
            long unclassified = columns().stream()
                    .filter(col -> col.classification() == null)
                    .count();
            if (unclassified > 0) {
                counts.add(new ClassificationCount("unclassified", unclassified));
            }
            return counts;
        }
    }

    public record ClassificationCount(String classification, long columns) {}

    public record SchemaObjectView(String name, List<ColumnView> columns) {}

    /**
     * What the governance gate said when this version was published: the rule-set version, the warnings it went
     * through with, and the columns that carry neither a canonical attribute nor a classification ("untagged").
     */
    public record Governance(
            Integer ruleSetVersion, List<PublicationGate.Finding> warnings, List<String> untaggedColumns) {}

    /**
     * A column as pages and the API show it. A nested column's {@code name} is its path ({@code lines[].sku}),
     * {@code parent} the column that contains it and {@code depth} how many columns lie above it (0 at the top);
     * {@code classificationInherited} says its classification is its container's (docs/descriptor.md §7).
     */
    public record ColumnView(
            String name,
            String logicalType,
            String physicalType,
            String description,
            boolean required,
            boolean primaryKey,
            String classification,
            boolean pii,
            String accessNote,
            String canonicalAttribute,
            List<String> tags,
            String parent,
            int depth,
            boolean classificationInherited) {

        /** Neither mapped to a canonical attribute nor classified: nobody can tell what it means or who may see it. */
        public boolean untagged() {
            return canonicalAttribute == null && classification == null;
        }

        static ColumnView of(SchemaColumn c) {
            return new ColumnView(
                    c.name,
                    c.logicalType,
                    c.physicalType,
                    c.description,
                    c.required,
                    c.primaryKey,
                    c.classification == null ? null : c.classification.label(),
                    c.pii,
                    c.accessNote,
                    c.canonicalAttribute,
                    List.copyOf(c.tags),
                    c.parentName,
                    c.depth,
                    c.classificationInherited);
        }
    }

    /**
     * The front page: the number of products and domains (counted in SQL), the first
     * {@link CatalogQueries#HOME_DOMAINS} domains by name, and the latest publications and changes.
     */
    public record HomeView(
            long productCount,
            long domainCount,
            List<DomainSummary> domains,
            List<Publication> recentPublications,
            List<ProductSummary> recentlyChanged) {}
}
