package io.signalbox.governance.canonical;

import static java.util.stream.Collectors.toSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.governance.canonical.EntityViews.AttributeView;
import io.signalbox.governance.canonical.EntityViews.DomainAttribute;
import io.signalbox.governance.canonical.EntityViews.EntitySummary;
import io.signalbox.governance.canonical.EntityViews.EntityView;
import io.signalbox.governance.canonical.EntityViews.Implementation;
import io.signalbox.governance.canonical.EntityViews.LifecycleMappingView;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads for the canonical entity pages and API: entities, their implementations across domains, and history. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EntityQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    GlossaryLinks glossary;

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
                        select count(distinct c.product_id) from catalog_current_column c
                        where c.product_status <> 'retired' and c.canonical_attribute like :prefix
                        """).setParameter("prefix", entity + ".%").getSingleResult();
        return count.longValue();
    }

    public EntityView entity(String name) {
        CanonicalEntity e = CanonicalEntity.findByName(name)
                .orElseThrow(() -> Refusal.notFound("There is no canonical entity '" + name + "'."));
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
                        select p.key, p.title, p.domain_key, c.name, c.logical_type, c.canonical_attribute
                        from catalog_product p
                        join catalog_current_column c on c.product_id = p.id
                        where p.status <> 'retired'
                          and exists (select 1 from catalog_current_column m
                                      where m.product_id = p.id and m.canonical_attribute like :prefix)
                        order by p.domain_key, p.key, c.position
                        """).setParameter("prefix", e.name + ".%").getResultList();
        Map<String, String> purposes =
                purposes(rows.stream().map(row -> (String) row[0]).collect(toSet()));
        Map<String, Implementation> implementations = new LinkedHashMap<>();
        Map<String, List<DomainAttribute>> extensions = new TreeMap<>();
        for (Object[] row : rows) {
            String productKey = (String) row[0];
            String canonical = (String) row[5];
            Implementation implementation = implementations.computeIfAbsent(
                    productKey,
                    k -> new Implementation(k, (String) row[1], (String) row[2], purposes.get(k), new ArrayList<>()));
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
                        .map(EntityViews.DecisionView::of)
                        .toList(),
                revisions(e),
                glossary.linkedTo(e.name),
                e.lockVersion);
    }

    private List<EntityViews.RevisionView> revisions(CanonicalEntity e) {
        return CanonicalEntityRevision.ofEntity(e.id).stream()
                .map(r -> new EntityViews.RevisionView(
                        r.revision, r.changedAt, r.changedBy, "ADR-" + r.decisionId, r.summary))
                .toList();
    }

    /** Extension names that two or more domains give different types: they mean different things, or should be one. */
    private static List<EntityViews.ExtensionConflict> conflicts(Map<String, List<DomainAttribute>> byDomain) {
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
        List<EntityViews.ExtensionConflict> conflicts = new ArrayList<>();
        typesByName.forEach((name, types) -> {
            long distinct =
                    types.values().stream().flatMap(List::stream).distinct().count();
            if (types.size() > 1 && distinct > 1) {
                conflicts.add(new EntityViews.ExtensionConflict(name, types));
            }
        });
        return conflicts;
    }

    /** Each product's purpose, read once per product rather than once per column row of the query above. */
    private Map<String, String> purposes(java.util.Set<String> productKeys) {
        if (productKeys.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select p.key, p.purpose from catalog_product p where p.key in (:keys)")
                .setParameter("keys", productKeys)
                .getResultList();
        Map<String, String> purposes = new HashMap<>();
        rows.forEach(row -> purposes.put((String) row[0], (String) row[1]));
        return purposes;
    }

    private List<LifecycleMappingView> lifecycleMappings(CanonicalEntity e, java.util.Set<String> productKeys) {
        if (productKeys.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select p.key, cast(p.lifecycle_mapping as text) from catalog_product p
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
