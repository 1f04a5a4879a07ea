package io.signalbox.governance.canonical;

import io.signalbox.governance.canonical.EntityViews.AttributeView;
import io.signalbox.governance.canonical.EntityViews.DomainAttribute;
import io.signalbox.governance.canonical.EntityViews.Implementation;
import io.signalbox.governance.canonical.EntityViews.LifecycleMappingView;
import io.signalbox.web.Paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the canonical entity pages and API show: each entity's core, its use across domains, decisions and history. */
public final class EntityViews {

    private EntityViews() {}

    public record EntitySummary(
            String name, String description, String identifierAttribute, int attributes, long implementingProducts) {}

    public record AttributeView(
            String name,
            String dataType,
            String meaning,
            String systemOfRecord,
            boolean mandatory,
            boolean identifier) {}

    /** A current product that maps columns to the entity; {@code purpose} is its Markdown, shown reduced to text. */
    public record Implementation(
            String productKey, String title, String domain, String purpose, List<String> mappedAttributes) {}

    /**
     * A domain's own attribute next to the entity's core: an unmapped column of products that implement it, by name and
     * type; {@code productKey} is one product carrying it (the first by key), {@code products} how many do.
     */
    public record DomainAttribute(String name, String logicalType, String productKey, long products) {}

    /** How one domain uses the entity: its live products implementing it and their columns mapped to it. */
    public record DomainUse(String domain, long products, long columns) {}

    /** A column of a live product's current version mapped to one of the entity's attributes. */
    public record MappedColumn(
            String productKey,
            String domain,
            String object,
            String name,
            String logicalType,
            String canonicalAttribute) {}

    public record LifecycleMappingView(String productKey, String internal, String canonical) {}

    public record DecisionView(
            long id,
            String reference,
            String title,
            String context,
            String decision,
            String consequences,
            String status,
            java.time.LocalDate decidedOn,
            String createdBy) {

        public static DecisionView of(DecisionRecord d) {
            return new DecisionView(
                    d.id,
                    d.reference(),
                    d.title,
                    d.context,
                    d.decision,
                    d.consequences,
                    d.status,
                    d.decidedOn,
                    d.createdBy);
        }
    }

    public record RevisionView(int revision, Instant changedAt, String changedBy, String decision, String summary) {}

    /** A domain glossary term linked to this entity or one of its attributes. */
    public record LinkedTerm(String domain, String term, String definition, String canonical, int lockVersion) {

        /** The entity part of what the term corresponds to: "Service" for "Service.service_type". */
        public String entity() {
            return canonical == null
                    ? null
                    : canonical.contains(".") ? canonical.substring(0, canonical.indexOf('.')) : canonical;
        }
    }

    /** The same extension name used with different types by different domains: a canonical attribute in waiting. */
    public record ExtensionConflict(String name, Map<String, List<String>> typesByDomain) {}

    /**
     * One entity as its page and {@code GET /api/governance/entities/{name}} show it, bounded at any catalog size:
     * {@code implementingProducts}, {@code mappedColumns} and {@code domains} are counted in SQL; {@code
     * implementations} and {@code columns} are first pages whose {@code next} links read on; {@code extensionsByDomain}
     * holds each domain's most carried extensions, {@code decisions} and {@code revisions} the latest (newest first)
     * of {@code decisionCount} and {@code revisionCount}, {@code terms}, {@code lifecycleMappings} and {@code
     * extensionConflicts} the first few (see {@link EntityQueries}).
     */
    public record EntityView(
            String name,
            String description,
            String identifierAttribute,
            String identifierFormat,
            String identifierExample,
            String lifecycleAttribute,
            List<String> lifecycleVocabulary,
            int revision,
            Instant updatedAt,
            String updatedBy,
            List<AttributeView> attributes,
            long implementingProducts,
            long mappedColumns,
            List<DomainUse> domains,
            Page<Implementation> implementations,
            Page<MappedColumn> columns,
            Map<String, List<DomainAttribute>> extensionsByDomain,
            List<ExtensionConflict> extensionConflicts,
            List<LifecycleMappingView> lifecycleMappings,
            List<DecisionView> decisions,
            long decisionCount,
            List<RevisionView> revisions,
            long revisionCount,
            List<LinkedTerm> terms,
            int lockVersion) {}
}
