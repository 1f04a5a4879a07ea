package io.signalbox.catalog.map;

import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which domains depend on which (issue 14, docs/domain-map.md), computed in SQL over current versions.
 *
 * <p>A <em>read</em>: a product P (not retired) whose current version declares an input port with custom property
 * {@code sourceProduct} naming a product Q (not retired) of another domain. It is <em>declared</em> when Q's current
 * version lists a consumer whose {@code domain} is P's domain (case-insensitive), <em>undeclared</em> otherwise. A
 * <em>declaration</em>: Q's current version lists a consumer naming a registered domain other than Q's. Both make
 * Q <em>flow</em> from Q's domain (the provider) to the other domain (the consumer). The edge consumer → provider
 * weighs the number of distinct provider products flowing on it, and counts its undeclared reads (pairs of a reading
 * product and the product it reads).
 *
 * <p>Every statement aggregates in PostgreSQL and returns rows bounded by the number of domains (or by a limit), never
 * by the number of products: the whole map reads each current version once; a domain's page reads only its own
 * products and what two indexes (V20) find about it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DomainDependencies {

    @Inject
    EntityManager em;

    /** A registered domain and how many products it holds (every status). */
    public record DomainNode(String key, String name, long products) {}

    /**
     * The dependency of domain {@code from} (the consumer) on domain {@code to} (the provider): {@code weight} distinct
     * products of {@code to} flow to {@code from}; {@code undeclared} of the reads behind it are undeclared.
     */
    public record DependencyEdge(String from, String to, long weight, long undeclared) {

        /** Whether at least one read on this edge is undeclared: the map draws it dashed. */
        public boolean anyUndeclared() {
            return undeclared > 0;
        }
    }

    /** Every registered domain (by name, key) and every dependency edge (by consumer key, provider key). */
    public record Mesh(List<DomainNode> domains, List<DependencyEdge> edges) {}

    /**
     * A product of another domain that flows to a domain: {@code readers} of the domain's products read it,
     * {@code declared} says its current version names the domain among its consumers, {@code undeclaredReads} how
     * many of those reads it does not declare.
     */
    public record SourceProduct(
            String key,
            String title,
            String domain,
            String domainName,
            long readers,
            boolean declared,
            long undeclaredReads) {}

    /** The first {@code products} of what a domain consumes, and how many there are in all. */
    public record Sources(long total, List<SourceProduct> products) {

        /** Whether there are more than the products listed. */
        public boolean hasMore() {
            return total > products.size();
        }
    }

    /** A domain depending on another: the provider's products flowing to it, and its undeclared reads. */
    public record Dependent(String key, String name, long weight, long undeclared) {}

    /** The first {@code domains} depending on a domain, heaviest first, and how many there are in all. */
    public record Dependents(long total, List<Dependent> domains) {

        /** Whether there are more than the domains listed. */
        public boolean hasMore() {
            return total > domains.size();
        }
    }

    /** Which flows a statement looks at: all of them, those into one domain, or those out of one domain. */
    private enum Scope {
        ALL,
        INTO,
        OUT_OF
    }

    /**
     * What the mesh is made of, in one cheap statement: the number and the highest id of product versions (a
     * publication adds one; versions are never changed or removed, and the count catches one committed out of id
     * order), the number of retired products (retiring is the only other move that changes a flow), and the domains'
     * number, lock versions and latest change (registrations, renames). Equal fingerprints, equal meshes: the map is
     * computed again only when one of these moved.
     */
    public String fingerprint() {
        Object[] row = (Object[]) em.createNativeQuery("select (select count(*) from product_version),"
                        + " (select coalesce(max(id), 0) from product_version),"
                        + " (select count(*) from data_product where status = 'retired'),"
                        + " (select count(*) from domain), (select coalesce(sum(lock_version), 0) from domain),"
                        + " (select cast(max(updated_at) as text) from domain)")
                .getSingleResult();
        return Arrays.stream(row).map(String::valueOf).collect(Collectors.joining("/"));
    }

    /** The whole mesh: one statement for the domains with their product counts, one for the edges. */
    public Mesh mesh() {
        @SuppressWarnings("unchecked")
        List<Object[]> domainRows = em.createNativeQuery("select d.id, d.key, d.name, coalesce(c.products, 0)"
                        + " from domain d left join (select domain_id, count(*) as products from data_product"
                        + " group by domain_id) c on c.domain_id = d.id order by d.name, d.key")
                .getResultList();
        Map<Long, String> keys = new HashMap<>();
        List<DomainNode> domains = domainRows.stream()
                .map(r -> {
                    keys.put(number(r[0]), (String) r[1]);
                    return new DomainNode((String) r[1], (String) r[2], number(r[3]));
                })
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> edgeRows = em.createNativeQuery("with " + flows(Scope.ALL)
                        + " select f.consumer_id, f.provider_id, count(distinct f.product_id),"
                        + " count(*) filter (where f.undeclared)"
                        + " from flows f group by f.consumer_id, f.provider_id")
                .getResultList();
        List<DependencyEdge> edges = edgeRows.stream()
                .map(r ->
                        new DependencyEdge(keys.get(number(r[0])), keys.get(number(r[1])), number(r[2]), number(r[3])))
                // a domain registered after the first statement read the domains: left for the next request
                .filter(e -> e.from() != null && e.to() != null)
                .sorted(Comparator.comparing(DependencyEdge::from).thenComparing(DependencyEdge::to))
                .toList();
        return new Mesh(domains, edges);
    }

    /**
     * The products of other domains that domain {@code key} consumes (reads through its products' input ports, or is
     * declared a consumer of): the {@code limit} read by most of its products first (then by key), and the count.
     *
     * @throws Refusal.NotFound when no domain has that key
     */
    public Sources consumedBy(String key, int limit) {
        long domainId = domainId(key);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(
                        em.createNativeQuery("with " + flows(Scope.INTO)
                                + ", products as (select f.product_id, count(distinct f.reader_id) as readers,"
                                + " bool_or(f.declaration) as declared,"
                                + " count(*) filter (where f.undeclared) as undeclared"
                                + " from flows f group by f.product_id)"
                                + " select q.key, v.title, d.key as domain_key, d.name, s.readers, s.declared,"
                                + " s.undeclared, count(*) over () as total"
                                + " from products s join data_product q on q.id = s.product_id"
                                + " join product_version v on v.id = q.current_version_id"
                                + " join domain d on d.id = q.domain_id"
                                + " order by s.readers desc, q.key limit :limit"),
                        key,
                        domainId)
                .setParameter("limit", limit)
                .getResultList();
        long total = rows.isEmpty() ? 0 : number(rows.get(0)[7]);
        return new Sources(
                total,
                rows.stream()
                        .map(r -> new SourceProduct(
                                (String) r[0],
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                number(r[4]),
                                Boolean.TRUE.equals(r[5]),
                                number(r[6])))
                        .toList());
    }

    /**
     * The domains depending on domain {@code key} (the edges of the map whose provider it is): the {@code limit}
     * heaviest first (then by key), and how many there are.
     *
     * @throws Refusal.NotFound when no domain has that key
     */
    public Dependents dependentsOf(String key, int limit) {
        long domainId = domainId(key);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(
                        em.createNativeQuery("with " + flows(Scope.OUT_OF)
                                + ", edges as (select f.consumer_id, count(distinct f.product_id) as weight,"
                                + " count(*) filter (where f.undeclared) as undeclared"
                                + " from flows f group by f.consumer_id)"
                                + " select d.key, d.name, e.weight, e.undeclared, count(*) over () as total"
                                + " from edges e join domain d on d.id = e.consumer_id"
                                + " order by e.weight desc, d.key limit :limit"),
                        key,
                        domainId)
                .setParameter("limit", limit)
                .getResultList();
        long total = rows.isEmpty() ? 0 : number(rows.get(0)[4]);
        return new Dependents(
                total,
                rows.stream()
                        .map(r -> new Dependent((String) r[0], (String) r[1], number(r[2]), number(r[3])))
                        .toList());
    }

    private long domainId(String key) {
        return em.createQuery("select d.id from Domain d where d.key = :key", Long.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("No domain '" + key + "' is registered."));
    }

    private static Query bind(Query query, String key, long domainId) {
        return query.setParameter("domain", domainId).setParameter("key", key);
    }

    /**
     * The common table {@code flows}: one row per read (consumer_id, provider_id, product_id = the product read,
     * reader_id = the reading product, undeclared, declaration false) and one per declaration (reader_id null,
     * undeclared false, declaration true), each row once. {@link Scope#INTO} keeps the flows into {@code :domain},
     * found from its own products and the consumers index; {@link Scope#OUT_OF} those out of {@code :domain}, found
     * from the source-domains index ({@code :key}) and its own products.
     */
    private static String flows(Scope scope) {
        String readsWhere = switch (scope) {
            case ALL -> "v.input_ports <> cast('[]' as jsonb)";
            case INTO -> "p.domain_id = :domain";
            case OUT_OF ->
                "catalog_source_domains(v.input_ports) @> array[cast(:key as text)] and q.domain_id = :domain";
        };
        String declarationsWhere = switch (scope) {
            case ALL -> "qv.consumers <> cast('[]' as jsonb)";
            case INTO -> "qv.consumers @> jsonb_build_array(jsonb_build_object('domain', cast(:key as text)))";
            case OUT_OF -> "q.domain_id = :domain";
        };
        String declaringDomain = scope == Scope.INTO ? " and cd.id = :domain" : "";
        // Scoped to one domain, versions are found first (by the indexes on product_version), then their product
        // through its primary key, keeping only current versions. For the whole map, products lead: joined on the
        // current version alone, PostgreSQL estimates the rows well and hashes instead of looping.
        String current = scope == Scope.ALL
                ? "data_product p join product_version v on v.id = p.current_version_id"
                : "product_version v join data_product p on p.id = v.product_id and p.current_version_id = v.id";
        String currentDeclaring = scope == Scope.ALL
                ? "data_product q join product_version qv on qv.id = q.current_version_id"
                : "product_version qv join data_product q on q.id = qv.product_id and q.current_version_id = qv.id";
        // Joined inside the expansion of each product's consumers, PostgreSQL (estimating one row from it) scanned
        // all domains once per product; the consumers are expanded first, then joined to the domains by key.
        // A read is declared exactly when its (consumer domain, product) is among the declarations, so the reads are
        // checked against that table rather than by expanding the read product's consumers once more.
        return "declarations as (select distinct cd.id as consumer_id, x.provider_id, x.product_id from"
                + " (select lower(c ->> 'domain') as consumer_key, q.domain_id as provider_id, q.id as product_id"
                + " from " + currentDeclaring
                + " cross join lateral jsonb_array_elements(qv.consumers) c"
                + " where q.status <> 'retired' and " + declarationsWhere
                // offset 0 keeps the consumers' expansion apart, so the domains are joined to all of it at once
                + " offset 0) x join domain cd on cd.key = x.consumer_key"
                + " where cd.id <> x.provider_id" + declaringDomain + "),"
                + " reads as (select distinct p.domain_id as consumer_id, q.domain_id as provider_id,"
                + " q.id as product_id, p.id as reader_id"
                + " from " + current
                + " cross join lateral jsonb_array_elements(v.input_ports) port"
                + " join data_product q on q.key = port ->> 'sourceProduct'"
                + " where p.status <> 'retired' and q.status <> 'retired' and q.domain_id <> p.domain_id"
                + " and " + readsWhere + "),"
                // declarations hold one row per (consumer, product) at most: the left join keeps one row per read
                + " flows as (select r.consumer_id, r.provider_id, r.product_id, r.reader_id,"
                + " d.product_id is null as undeclared, false as declaration from reads r"
                + " left join declarations d on d.consumer_id = r.consumer_id and d.product_id = r.product_id"
                + " union all select consumer_id, provider_id, product_id, cast(null as bigint), false, true"
                + " from declarations)";
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
