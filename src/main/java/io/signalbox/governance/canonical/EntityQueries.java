package io.signalbox.governance.canonical;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.governance.canonical.EntityViews.AttributeView;
import io.signalbox.governance.canonical.EntityViews.DomainAttribute;
import io.signalbox.governance.canonical.EntityViews.DomainUse;
import io.signalbox.governance.canonical.EntityViews.EntitySummary;
import io.signalbox.governance.canonical.EntityViews.EntityView;
import io.signalbox.governance.canonical.EntityViews.Implementation;
import io.signalbox.governance.canonical.EntityViews.LifecycleMappingView;
import io.signalbox.governance.canonical.EntityViews.MappedColumn;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads for the canonical entity pages and API: entities, their implementations across domains, and history.
 *
 * <p>Bounded at any catalog size (issue 12): counts and per-domain summaries are computed in SQL, implementations and
 * mapped columns are read one keyset page at a time, and every other list on an entity is its first {@value #SHOWN}
 * or {@value #EXTENSIONS_PER_DOMAIN} rows. An entity's columns are found by the prefix of their canonical attribute
 * ("Service." … "Service/", compared byte-wise with the {@code ~>=~ ~<~} operators so that the text_pattern_ops index
 * of migration V13 serves them whatever the database's collation, and no LIKE wildcard in a name can widen them).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EntityQueries {

    /** Page sizes of the entity lists: default and maximum. */
    public static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    /** How many decisions, revisions, glossary terms, lifecycle mappings and conflicts an entity shows at most. */
    public static final int SHOWN = 20;

    /** How many extensions each domain shows at most: the ones most products carry. */
    public static final int EXTENSIONS_PER_DOMAIN = 20;

    private static final int CONFLICTS = 100;

    /** How many implementing products (the most recently changed) extensions and conflicts are read from. */
    public static final int EXTENSIONS_SAMPLE = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Columns of current, non-retired versions mapped to the entity whose prefix bounds are :from and :to. */
    private static final String MAPPED = """
            c.product_status <> 'retired'
            and c.canonical_attribute ~>=~ cast(:from as text) and c.canonical_attribute ~<~ cast(:to as text)""";

    /** Live products with a column mapped to the entity (:from, :to); {@code p} is the product. */
    private static final String IMPLEMENTS = """
            p.status <> 'retired'
            and exists (select 1 from catalog_current_column c where c.product_id = p.id and\s""" + MAPPED + ")";

    @Inject
    EntityManager em;

    @Inject
    GlossaryLinks glossary;

    /** The entities by name, one page, each with how many live products implement it (counted in SQL). */
    public Page<EntitySummary> entities(PageRequest page, String path) {
        Query query = em.createNativeQuery("""
                select e.name, e.description, e.identifier_attribute,
                       (select count(*) from canonical_attribute a where a.entity_id = e.id),
                       (select count(distinct c.product_id) from catalog_current_column c
                        where c.product_status <> 'retired'
                          and c.canonical_attribute ~>=~ (e.name || '.') and c.canonical_attribute ~<~ (e.name || '/'))
                from canonical_entity e
                where e.name > :after
                order by e.name
                limit :limit
                """)
                .setParameter("after", page.first() ? "" : page.after(0))
                .setParameter("limit", page.limitWithLookahead());
        List<EntitySummary> rows = rows(query).stream()
                .map(r -> new EntitySummary((String) r[0], (String) r[1], (String) r[2], (int) n(r[3]), n(r[4])))
                .toList();
        return Paging.page(rows, page, s -> List.of(s.name()), path, Map.of());
    }

    /**
     * One entity with its use across domains.
     *
     * @param implementations the page of implementing products to show; its next link goes to {@code
     *     implementationsPath}
     * @param columnsPath where the next page of mapped columns is read (the API)
     * @throws Refusal.NotFound when there is no such entity
     */
    public EntityView entity(String name, PageRequest implementations, String implementationsPath, String columnsPath) {
        CanonicalEntity e = existing(name);
        List<AttributeView> attributes = e.attributes.stream()
                .map(a -> new AttributeView(
                        a.name,
                        a.dataType,
                        a.meaning,
                        a.systemOfRecord,
                        a.mandatory,
                        a.name.equals(e.identifierAttribute)))
                .toList();
        List<DomainUse> domains = domainUse(e.name);
        Map<String, List<DomainAttribute>> extensions = extensions(e.name);
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
                domains.stream().mapToLong(DomainUse::products).sum(),
                domains.stream().mapToLong(DomainUse::columns).sum(),
                domains,
                implementations(e, implementations, implementationsPath),
                columns(e, Paging.request(null, null, DEFAULT_SIZE, MAX_SIZE, 3), columnsPath),
                extensions,
                conflicts(e.name),
                lifecycleMappings(e),
                DecisionRecord.latestOfEntity(e.id, SHOWN).stream()
                        .map(EntityViews.DecisionView::of)
                        .toList(),
                DecisionRecord.count("entityId", e.id),
                CanonicalEntityRevision.latestOfEntity(e.id, SHOWN).stream()
                        .map(r -> new EntityViews.RevisionView(
                                r.revision, r.changedAt, r.changedBy, "ADR-" + r.decisionId, r.summary))
                        .toList(),
                CanonicalEntityRevision.count("entityId", e.id),
                glossary.linkedTo(e.name, SHOWN),
                e.lockVersion);
    }

    /**
     * The live products that map a column to the entity, most recently changed first (then by key), one page; each
     * with the canonical attributes it carries. The cursor holds the product's change time and key.
     */
    public Page<Implementation> implementations(String name, PageRequest page, String path) {
        return implementations(existing(name), page, path);
    }

    private Page<Implementation> implementations(CanonicalEntity e, PageRequest page, String path) {
        Query query = em.createNativeQuery("""
                select p.id, p.key, p.title, p.domain_key, p.purpose,
                       to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                from catalog_product p
                where\s""" + IMPLEMENTS + (page.first() ? "" : """
                  and (p.updated_at < cast(:at as timestamptz)
                       or (p.updated_at = cast(:at as timestamptz) and p.key > :key))""") + """

                order by p.updated_at desc, p.key
                limit :limit
                """);
        bindPrefix(query, e.name).setParameter("limit", page.limitWithLookahead());
        if (!page.first()) {
            query.setParameter("at", page.after(0, at -> Instant.parse(at).toString()))
                    .setParameter("key", page.after(1));
        }
        List<Object[]> rows = rows(query);
        Map<Long, List<String>> mapped =
                mappedAttributes(e.name, rows.stream().map(r -> n(r[0])).toList());
        Map<String, String> changedAt = new HashMap<>();
        List<Implementation> items = new ArrayList<>();
        for (Object[] r : rows) {
            Implementation implementation = new Implementation(
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    mapped.getOrDefault(n(r[0]), List.of()));
            changedAt.put(implementation.productKey(), (String) r[5]);
            items.add(implementation);
        }
        return Paging.page(items, page, i -> List.of(changedAt.get(i.productKey()), i.productKey()), path, Map.of());
    }

    /** The canonical attributes each of these products maps (without the entity's name), in column order. */
    private Map<Long, List<String>> mappedAttributes(String entity, List<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        Query query = em.createNativeQuery("select c.product_id, c.canonical_attribute from catalog_current_column c"
                        + " where c.product_id in (:ids) and " + MAPPED + " order by c.product_id, c.position")
                .setParameter("ids", productIds);
        Map<Long, List<String>> mapped = new HashMap<>();
        for (Object[] r : rows(bindPrefix(query, entity))) {
            mapped.computeIfAbsent(n(r[0]), k -> new ArrayList<>()).add(((String) r[1]).substring(entity.length() + 1));
        }
        return mapped;
    }

    /**
     * The columns of live products mapped to the entity, by product key, table and column name (unique per current
     * version), one page.
     */
    public Page<MappedColumn> columns(String name, PageRequest page, String path) {
        return columns(existing(name), page, path);
    }

    private Page<MappedColumn> columns(CanonicalEntity e, PageRequest page, String path) {
        Query query = em.createNativeQuery("""
                select c.product_key, p.domain_key, c.object_name, c.name, c.logical_type, c.canonical_attribute
                from catalog_current_column c
                join catalog_product p on p.id = c.product_id
                where\s""" + MAPPED + (page.first() ? "" : """
                  and c.product_key >= :key
                  and (c.product_key > :key or (c.object_name, c.name) > (:object, :column))""") + """

                order by c.product_key, c.object_name, c.name
                limit :limit
                """);
        bindPrefix(query, e.name).setParameter("limit", page.limitWithLookahead());
        if (!page.first()) {
            query.setParameter("key", page.after(0))
                    .setParameter("object", page.after(1))
                    .setParameter("column", page.after(2));
        }
        List<MappedColumn> rows = rows(query).stream()
                .map(r -> new MappedColumn(
                        (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]))
                .toList();
        return Paging.page(rows, page, c -> List.of(c.productKey(), c.object(), c.name()), path, Map.of());
    }

    /**
     * Per domain (by key), how many live products implement the entity and how many of their columns map to it. Counted
     * per product first, so that the domain's sums need no distinct count over every mapped column.
     */
    private List<DomainUse> domainUse(String entity) {
        Query query = em.createNativeQuery("""
                select p.domain_key, count(*), sum(m.columns)
                from (select c.product_id, count(*) as columns from catalog_current_column c
                      where\s""" + MAPPED + """

                      group by c.product_id) m
                join catalog_product p on p.id = m.product_id
                group by p.domain_key order by p.domain_key
                """);
        return rows(bindPrefix(query, entity)).stream()
                .map(r -> new DomainUse((String) r[0], n(r[1]), n(r[2])))
                .toList();
    }

    /**
     * Unmapped columns of the {@value #EXTENSIONS_SAMPLE} most recently changed implementing products, grouped by
     * domain, name and type. A sample, because reading every column of every implementing product costs seconds at
     * 100 000 products; the most recent products are the ones that show a domain's current practice.
     */
    private static final String EXTENSIONS = """
            with implementing as (
                select p.id as product_id from catalog_product p
                where\s""" + IMPLEMENTS + """

                order by p.updated_at desc, p.key
                limit\s""" + EXTENSIONS_SAMPLE + """

            )
            select p.domain_key, x.name, x.logical_type, min(x.product_key) as example, count(distinct x.product_id) as products
            from implementing i
            join catalog_product p on p.id = i.product_id
            join catalog_current_column x on x.product_id = i.product_id
            where x.canonical_attribute is null
            group by p.domain_key, x.name, x.logical_type
            """;

    /** Each domain's own attributes: its {@value #EXTENSIONS_PER_DOMAIN} extensions most products carry. */
    private Map<String, List<DomainAttribute>> extensions(String entity) {
        Query query = em.createNativeQuery("select domain_key, name, logical_type, example, products from ("
                        + "select e.*, row_number() over (partition by e.domain_key"
                        + " order by e.products desc, e.name, e.logical_type nulls first) as rank from ("
                        + EXTENSIONS + ") e) ranked where rank <= :limit order by domain_key, rank")
                .setParameter("limit", EXTENSIONS_PER_DOMAIN);
        Map<String, List<DomainAttribute>> byDomain = new TreeMap<>();
        for (Object[] r : rows(bindPrefix(query, entity))) {
            byDomain.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new DomainAttribute((String) r[1], (String) r[2], (String) r[3], n(r[4])));
        }
        return byDomain;
    }

    /**
     * Extension names that two or more domains give different types: they mean different things, or should be one.
     * The first {@value #CONFLICTS} names alphabetically, among the products {@link #EXTENSIONS} samples.
     */
    private List<EntityViews.ExtensionConflict> conflicts(String entity) {
        Query query = em.createNativeQuery("with typed as (select distinct domain_key, name,"
                        + " coalesce(logical_type, 'untyped') as type from (" + EXTENSIONS + ") e),"
                        + " conflicting as (select name from typed group by name"
                        + " having count(distinct domain_key) > 1 and count(distinct type) > 1"
                        + " order by name limit :limit)"
                        + " select t.name, t.domain_key, t.type from typed t join conflicting using (name)"
                        + " order by t.name, t.domain_key, t.type")
                .setParameter("limit", CONFLICTS);
        Map<String, Map<String, List<String>>> typesByName = new LinkedHashMap<>();
        for (Object[] r : rows(bindPrefix(query, entity))) {
            typesByName
                    .computeIfAbsent((String) r[0], k -> new TreeMap<>())
                    .computeIfAbsent((String) r[1], k -> new ArrayList<>())
                    .add((String) r[2]);
        }
        List<EntityViews.ExtensionConflict> conflicts = new ArrayList<>();
        typesByName.forEach((name, types) -> conflicts.add(new EntityViews.ExtensionConflict(name, types)));
        return conflicts;
    }

    /**
     * How implementing products map their own states to the entity's lifecycle vocabulary: the mappings of the
     * {@value #SHOWN} most recently changed products that declare one.
     */
    private List<LifecycleMappingView> lifecycleMappings(CanonicalEntity e) {
        if (e.lifecycleVocabulary.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("""
                select p.key, cast(p.lifecycle_mapping as text)
                from catalog_product p
                where\s""" + IMPLEMENTS + """

                  and jsonb_typeof(p.lifecycle_mapping) = 'array' and jsonb_array_length(p.lifecycle_mapping) > 0
                order by p.updated_at desc, p.key
                limit :limit
                """).setParameter("limit", SHOWN);
        List<LifecycleMappingView> mappings = new ArrayList<>();
        for (Object[] row : rows(bindPrefix(query, e.name))) {
            for (Map<String, String> mapping : mappingsOf((String) row[1])) {
                if (e.lifecycleVocabulary.contains(mapping.get("canonical"))) {
                    mappings.add(new LifecycleMappingView(
                            (String) row[0], mapping.get("internal"), mapping.get("canonical")));
                }
            }
        }
        return mappings;
    }

    private static CanonicalEntity existing(String name) {
        return CanonicalEntity.findByName(name)
                .orElseThrow(() -> Refusal.notFound("There is no canonical entity '" + name + "'."));
    }

    /** Binds the prefix bounds of the entity's attributes: "Service." up to, not including, "Service/". */
    private static Query bindPrefix(Query query, String entity) {
        return query.setParameter("from", entity + ".").setParameter("to", entity + "/");
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static List<Map<String, String>> mappingsOf(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("A stored lifecycle mapping could not be read", e);
        }
    }
}
