package io.signalbox.governance;

import io.signalbox.governance.canonical.DecisionRecord;
import io.signalbox.governance.rules.GovernanceRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the governance pages and API show: rules, rule-set versions and canonical entities with their use. */
public final class GovernanceViews {

    private GovernanceViews() {}

    public record RuleView(
            String id,
            String category,
            String statement,
            String severity,
            Map<String, Object> parameters,
            String enforcedAt,
            Instant updatedAt,
            String updatedBy,
            int lockVersion) {

        static RuleView of(GovernanceRule r) {
            return new RuleView(
                    r.id,
                    r.category,
                    r.statement,
                    r.severity,
                    Map.copyOf(r.parameters),
                    r.enforcedAt,
                    r.updatedAt,
                    r.updatedBy,
                    r.lockVersion);
        }

        public boolean blocking() {
            return GovernanceRule.BLOCKING.equals(severity);
        }

        /** Where the rule is checked, in words. */
        public String enforcedWhere() {
            return "publication".equals(enforcedAt)
                    ? "on every publication (the gate) and in the dry run"
                    : "on the measurements products report";
        }

        public List<Parameter> parameterList() {
            return parameters.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new Parameter(
                            e.getKey(),
                            e.getValue() instanceof List<?> list
                                    ? String.join(
                                            ", ",
                                            list.stream().map(String::valueOf).toList())
                                    : String.valueOf(e.getValue()),
                            e.getValue() instanceof Number))
                    .toList();
        }
    }

    public record Parameter(String name, String value, boolean numeric) {}

    public record RuleSetView(int version, Instant createdAt, String createdBy, String summary) {}

    public record EntitySummary(
            String name, String description, String identifierAttribute, int attributes, long implementingProducts) {}

    public record AttributeView(
            String name,
            String dataType,
            String meaning,
            String systemOfRecord,
            boolean mandatory,
            boolean identifier) {}

    /** A product whose current version maps columns to this entity. */
    public record Implementation(String productKey, String title, String domain, List<String> mappedAttributes) {}

    /** A domain's own attributes next to the entity's core: unmapped columns of products that implement it. */
    public record DomainAttribute(String name, String logicalType, String productKey) {}

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

        static DecisionView of(DecisionRecord d) {
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

    public record TermView(String domain, String term, String definition, String canonical, int lockVersion) {

        /** The entity part of what the term corresponds to: "Service" for "Service.service_type". */
        public String entity() {
            return canonical == null
                    ? null
                    : canonical.contains(".") ? canonical.substring(0, canonical.indexOf('.')) : canonical;
        }
    }

    /** The same extension name used with different types by different domains: a canonical attribute in waiting. */
    public record ExtensionConflict(String name, Map<String, List<String>> typesByDomain) {}

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
            List<Implementation> implementations,
            Map<String, List<DomainAttribute>> extensionsByDomain,
            List<ExtensionConflict> extensionConflicts,
            List<LifecycleMappingView> lifecycleMappings,
            List<DecisionView> decisions,
            List<RevisionView> revisions,
            List<TermView> terms,
            int lockVersion) {}
}
