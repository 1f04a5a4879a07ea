package io.signalbox.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.governance.GovernanceViews.AttributeView;
import io.signalbox.governance.GovernanceViews.DomainAttribute;
import io.signalbox.governance.GovernanceViews.EntitySummary;
import io.signalbox.governance.GovernanceViews.EntityView;
import io.signalbox.governance.GovernanceViews.Implementation;
import io.signalbox.governance.GovernanceViews.LifecycleMappingView;
import io.signalbox.governance.GovernanceViews.RuleSetView;
import io.signalbox.governance.GovernanceViews.RuleView;
import io.signalbox.governance.canonical.CanonicalEntity;
import io.signalbox.governance.canonical.CanonicalEntityRevision;
import io.signalbox.governance.canonical.DecisionRecord;
import io.signalbox.governance.glossary.GlossaryTerm;
import io.signalbox.governance.rules.GovernanceRule;
import io.signalbox.governance.rules.RuleSetVersion;
import io.signalbox.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads for the governance pages and API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GovernanceQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    public List<RuleView> rules() {
        return GovernanceRule.listInOrder().stream().map(RuleView::of).toList();
    }

    public RuleView rule(String id) {
        return GovernanceRule.<GovernanceRule>findByIdOptional(id)
                .map(RuleView::of)
                .orElseThrow(() -> ProblemException.notFound("There is no rule '" + id + "'."));
    }

    public List<RuleSetView> ruleSets() {
        return RuleSetVersion.<RuleSetVersion>list("order by version desc").stream()
                .map(v -> new RuleSetView(v.version, v.createdAt, v.createdBy, v.summary))
                .toList();
    }

    public List<EntitySummary> entities() {
        List<EntitySummary> summaries = new ArrayList<>();
        for (CanonicalEntity e : CanonicalEntity.listByName()) {
            summaries.add(new EntitySummary(
                    e.name, e.description, e.identifierAttribute, e.attributes.size(), implementing(e.name)));
        }
        return summaries;
    }

    private long implementing(String entity) {
        Number count = (Number)
                em.createNativeQuery("""
                        select count(distinct p.id) from data_product p
                        join schema_column c on c.version_id = p.current_version_id
                        where p.status <> 'retired' and c.canonical_attribute like :prefix
                        """).setParameter("prefix", entity + ".%").getSingleResult();
        return count.longValue();
    }

    public EntityView entity(String name) {
        CanonicalEntity e = CanonicalEntity.findByName(name)
                .orElseThrow(() -> ProblemException.notFound("There is no canonical entity '" + name + "'."));
        List<AttributeView> attributes = e.attributes.stream()
                .map(a -> new AttributeView(
                        a.name,
                        a.dataType,
                        a.meaning,
                        a.systemOfRecord,
                        a.mandatory,
                        a.name.equals(e.identifierAttribute)))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select p.key, v.title, d.key, c.name, c.logical_type, c.canonical_attribute
                        from data_product p
                        join product_version v on v.id = p.current_version_id
                        join domain d on d.id = p.domain_id
                        join schema_column c on c.version_id = v.id
                        where p.status <> 'retired'
                          and exists (select 1 from schema_column m
                                      where m.version_id = v.id and m.canonical_attribute like :prefix)
                        order by d.key, p.key, c.position
                        """).setParameter("prefix", e.name + ".%").getResultList();
        Map<String, Implementation> implementations = new LinkedHashMap<>();
        Map<String, List<DomainAttribute>> extensions = new TreeMap<>();
        for (Object[] row : rows) {
            String productKey = (String) row[0];
            String canonical = (String) row[5];
            Implementation implementation = implementations.computeIfAbsent(
                    productKey, k -> new Implementation(k, (String) row[1], (String) row[2], new ArrayList<>()));
            if (canonical != null && canonical.startsWith(e.name + ".")) {
                implementation.mappedAttributes().add(canonical.substring(e.name.length() + 1));
            } else if (canonical == null) {
                extensions
                        .computeIfAbsent((String) row[2], k -> new ArrayList<>())
                        .add(new DomainAttribute((String) row[3], (String) row[4], productKey));
            }
        }
        return new EntityView(
                e.name,
                e.description,
                e.identifierAttribute,
                e.identifierFormat,
                e.identifierExample,
                e.lifecycleAttribute,
                List.copyOf(e.lifecycleVocabulary),
                e.revision,
                e.updatedAt,
                e.updatedBy,
                attributes,
                List.copyOf(implementations.values()),
                extensions,
                conflicts(extensions),
                lifecycleMappings(e, implementations.keySet()),
                DecisionRecord.ofEntity(e.id).stream()
                        .map(GovernanceViews.DecisionView::of)
                        .toList(),
                revisions(e),
                GlossaryTerm.linkedTo(e.name).stream().map(this::term).toList(),
                e.lockVersion);
    }

    private List<GovernanceViews.RevisionView> revisions(CanonicalEntity e) {
        return CanonicalEntityRevision.ofEntity(e.id).stream()
                .map(r -> new GovernanceViews.RevisionView(
                        r.revision, r.changedAt, r.changedBy, "ADR-" + r.decisionId, r.summary))
                .toList();
    }

    public GovernanceViews.TermView term(GlossaryTerm t) {
        String domain = em.createQuery("select d.key from Domain d where d.id = :id", String.class)
                .setParameter("id", t.domainId)
                .getSingleResult();
        return new GovernanceViews.TermView(domain, t.term, t.definition, t.canonical, t.lockVersion);
    }

    /** Extension names that two or more domains give different types: they mean different things, or should be one. */
    private static List<GovernanceViews.ExtensionConflict> conflicts(Map<String, List<DomainAttribute>> byDomain) {
        Map<String, Map<String, List<String>>> typesByName = new TreeMap<>();
        byDomain.forEach((domain, attributes) -> attributes.forEach(a -> {
            List<String> types = typesByName
                    .computeIfAbsent(a.name(), k -> new TreeMap<>())
                    .computeIfAbsent(domain, k -> new ArrayList<>());
            String type = a.logicalType() == null ? "untyped" : a.logicalType();
            if (!types.contains(type)) {
                types.add(type);
            }
        }));
        List<GovernanceViews.ExtensionConflict> conflicts = new ArrayList<>();
        typesByName.forEach((name, types) -> {
            long distinct =
                    types.values().stream().flatMap(List::stream).distinct().count();
            if (types.size() > 1 && distinct > 1) {
                conflicts.add(new GovernanceViews.ExtensionConflict(name, types));
            }
        });
        return conflicts;
    }

    private List<LifecycleMappingView> lifecycleMappings(CanonicalEntity e, java.util.Set<String> productKeys) {
        if (productKeys.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select p.key, cast(v.lifecycle_mapping as text) from data_product p
                        join product_version v on v.id = p.current_version_id
                        where p.key in (:keys) order by p.key
                        """).setParameter("keys", productKeys).getResultList();
        List<LifecycleMappingView> mappings = new ArrayList<>();
        for (Object[] row : rows) {
            for (Map<String, String> mapping : mappingsOf((String) row[1])) {
                if (e.lifecycleVocabulary.contains(mapping.get("canonical"))) {
                    mappings.add(new LifecycleMappingView(
                            (String) row[0], mapping.get("internal"), mapping.get("canonical")));
                }
            }
        }
        return mappings;
    }

    private static List<Map<String, String>> mappingsOf(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("A stored lifecycle mapping could not be read", e);
        }
    }
}
