package io.signalbox.catalog.product;

import io.signalbox.catalog.map.DomainDependencies;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.catalog.product.CatalogViews.ConsumedProduct;
import io.signalbox.catalog.product.CatalogViews.Count;
import io.signalbox.catalog.product.CatalogViews.DomainSummary;
import io.signalbox.catalog.product.CatalogViews.DomainView;
import io.signalbox.catalog.product.CatalogViews.HomeView;
import io.signalbox.catalog.product.CatalogViews.ProductSummary;
import io.signalbox.catalog.product.CatalogViews.ProductView;
import io.signalbox.catalog.product.CatalogViews.Publication;
import io.signalbox.catalog.product.CatalogViews.VersionSummary;
import io.signalbox.catalog.product.CatalogViews.VersionView;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read-shaped queries for the catalog's pages and API: a handful of statements per page, no lazy-loading walks, and
 * no statement that reads a number of rows growing with the catalog (issue 12). Lists are read a page at a time with
 * keyset paging ({@link PageRequest}: at most {@code size + 1} rows after the cursor); summaries count in SQL.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogQueries {

    /** How many domains the home page shows as cards; the domains page lists them all, a page at a time. */
    public static final int HOME_DOMAINS = 12;

    /** How many products each list of a domain's summary shows (most recent, most consumed). */
    public static final int DOMAIN_SUMMARY_PRODUCTS = 10;

    /** How many products a domain's summary shows under "Consumes", and how many domains under "Depended on by". */
    public static final int DOMAIN_SUMMARY_DEPENDENCIES = 20;

    /** How many versions a product's page and {@link ProductView} embed; the rest are on the paged version list. */
    public static final int PRODUCT_PAGE_VERSIONS = 10;

    /**
     * The columns of a product summary, read as a projection: the current version's descriptor text and schema stay
     * in the database (a descriptor may be hundreds of kilobytes).
     */
    private static final String SUMMARY = "select p.key, v.title, d.key, p.status, v.classification, v.version,"
            + " v.ownerName, v.ownerEmail, v.tags, p.updatedAt, v.purpose, p.id"
            + " from DataProduct p join p.domain d join p.currentVersion v";

    @Inject
    EntityManager em;

    @Inject
    StandingReader standings;

    @Inject
    ProductDeprecations deprecations;

    @Inject
    DomainDependencies dependencies;

    /** The front page: counts in SQL, the first {@link #HOME_DOMAINS} domains, the 8 latest publications and changes. */
    public HomeView home() {
        long products =
                em.createQuery("select count(p) from DataProduct p", Long.class).getSingleResult();
        long domainCount =
                em.createQuery("select count(d) from Domain d", Long.class).getSingleResult();
        List<DomainSummary> domains = domainSummaries(new PageRequest(List.of(), HOME_DOMAINS));
        List<Publication> publications = em
                .createQuery(
                        "select v.product.key, v.title, v.product.domain.key, v.version, v.publishedAt, v.purpose"
                                + " from ProductVersion v order by v.publishedAt desc, v.id desc",
                        Object[].class)
                .setMaxResults(8)
                .getResultList()
                .stream()
                .map(r -> new Publication(
                        (String) r[0], (String) r[1], (String) r[2], (String) r[3], (Instant) r[4], (String) r[5]))
                .toList();
        List<ProductSummary> changed = em
                .createQuery(SUMMARY + " order by p.updatedAt desc, p.id desc", Object[].class)
                .setMaxResults(8)
                .getResultList()
                .stream()
                .map(CatalogQueries::summary)
                .toList();
        return new HomeView(
                products,
                domainCount,
                domains.size() > HOME_DOMAINS ? domains.subList(0, HOME_DOMAINS) : domains,
                publications,
                changed);
    }

    /**
     * One page of domains in the order (name, key), with their product counts computed in SQL for that page only.
     *
     * @return at most {@code request.limitWithLookahead()} domains; the sort key of each is (name, key)
     */
    public List<DomainSummary> domainSummaries(PageRequest request) {
        var query = em.createQuery(
                        "select d.id, d.key, d.name from Domain d"
                                + (request.first() ? "" : " where d.name > :name or (d.name = :name and d.key > :key)")
                                + " order by d.name, d.key",
                        Object[].class)
                .setMaxResults(request.limitWithLookahead());
        if (!request.first()) {
            query.setParameter("name", request.after(0)).setParameter("key", request.after(1));
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> counts = new HashMap<>();
        em.createQuery(
                        "select p.domain.id, p.status, count(p) from DataProduct p where p.domain.id in :ids"
                                + " group by p.domain.id, p.status",
                        Object[].class)
                .setParameter("ids", rows.stream().map(r -> (Long) r[0]).toList())
                .getResultList()
                .forEach(r -> {
                    long[] c = counts.computeIfAbsent((Long) r[0], id -> new long[3]);
                    long n = ((Number) r[2]).longValue();
                    c[0] += n;
                    if (r[1] == LifecycleStatus.PUBLISHED) {
                        c[1] += n;
                    } else if (r[1] == LifecycleStatus.DEPRECATED) {
                        c[2] += n;
                    }
                });
        return rows.stream()
                .map(r -> {
                    long[] c = counts.getOrDefault((Long) r[0], new long[3]);
                    return new DomainSummary((String) r[1], (String) r[2], c[0], c[1], c[2]);
                })
                .toList();
    }

    /**
     * A domain's summary: what it is, its products counted by status and by classification in SQL, the
     * {@link #DOMAIN_SUMMARY_PRODUCTS} most recently published and the as many most consumed, and its place in the mesh
     * ({@link DomainDependencies}: what it consumes, who depends on it). The whole list is the paged {@link #products},
     * or search with the domain facet set.
     *
     * @throws Refusal.NotFound when no domain has that key
     */
    public DomainView domain(String key) {
        Domain domain = Domain.existing(key);
        List<Count> byStatus = em
                .createQuery(
                        "select p.status, count(p) from DataProduct p where p.domain = :domain group by p.status",
                        Object[].class)
                .setParameter("domain", domain)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(r -> (LifecycleStatus) r[0]))
                .map(r -> new Count(((LifecycleStatus) r[0]).label(), ((Number) r[1]).longValue()))
                .toList();
        List<Count> byClassification = em
                .createQuery(
                        "select v.classification, count(p) from DataProduct p join p.currentVersion v"
                                + " where p.domain = :domain group by v.classification",
                        Object[].class)
                .setParameter("domain", domain)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(
                        r -> (Classification) r[0], Comparator.nullsLast(Comparator.naturalOrder())))
                .map(r -> new Count(
                        r[0] == null ? "unclassified" : ((Classification) r[0]).label(), ((Number) r[1]).longValue()))
                .toList();
        long productCount = byStatus.stream().mapToLong(Count::products).sum();
        // The product's updatedAt is written by each publication (and by nothing else), so it is the time of its latest
        // publication; the index data_product_domain_updated_idx serves this order.
        List<ProductSummary> recent = em
                .createQuery(SUMMARY + " where p.domain = :domain order by p.updatedAt desc, p.id desc", Object[].class)
                .setParameter("domain", domain)
                .setMaxResults(DOMAIN_SUMMARY_PRODUCTS)
                .getResultList()
                .stream()
                .map(CatalogQueries::summary)
                .toList();
        return DomainView.of(
                domain,
                productCount,
                byStatus,
                byClassification,
                recent,
                mostConsumed(domain),
                dependencies.consumedBy(key, DOMAIN_SUMMARY_DEPENDENCIES),
                dependencies.dependentsOf(key, DOMAIN_SUMMARY_DEPENDENCIES));
    }

    /**
     * The domain's products with the most consumers declared by their current version. The top-N sort runs in
     * PostgreSQL over the domain's products (constant memory); only the N ids come back, then their summaries.
     */
    @SuppressWarnings("unchecked")
    private List<ConsumedProduct> mostConsumed(Domain domain) {
        List<Object[]> top = em.createNativeQuery("select p.id, jsonb_array_length(v.consumers) from data_product p"
                        + " join product_version v on v.id = p.current_version_id"
                        + " where p.domain_id = :domain and jsonb_array_length(v.consumers) > 0"
                        + " order by jsonb_array_length(v.consumers) desc, p.key limit :n")
                .setParameter("domain", domain.id)
                .setParameter("n", DOMAIN_SUMMARY_PRODUCTS)
                .getResultList();
        if (top.isEmpty()) {
            return List.of();
        }
        Map<Long, ProductSummary> summaries = em
                .createQuery(SUMMARY + " where p.id in :ids", Object[].class)
                .setParameter(
                        "ids",
                        top.stream().map(r -> ((Number) r[0]).longValue()).toList())
                .getResultList()
                .stream()
                .collect(Collectors.toMap(r -> (Long) r[11], CatalogQueries::summary));
        return top.stream()
                .filter(r -> summaries.containsKey(((Number) r[0]).longValue()))
                .map(r -> new ConsumedProduct(summaries.get(((Number) r[0]).longValue()), ((Number) r[1]).intValue()))
                .toList();
    }

    /**
     * One page of products in the order of their key (unique), optionally of one domain (an unknown domain has none).
     *
     * @return at most {@code request.limitWithLookahead()} products; the sort key of each is its key
     */
    public List<ProductSummary> products(Optional<String> domainKey, PageRequest request) {
        List<String> where = new ArrayList<>();
        domainKey.ifPresent(d -> where.add("d.key = :domain"));
        if (!request.first()) {
            where.add("p.key > :after");
        }
        var query = em.createQuery(
                        SUMMARY + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by p.key",
                        Object[].class)
                .setMaxResults(request.limitWithLookahead());
        domainKey.ifPresent(d -> query.setParameter("domain", d));
        if (!request.first()) {
            query.setParameter("after", request.after(0));
        }
        return query.getResultList().stream().map(CatalogQueries::summary).toList();
    }

    /**
     * The product with its current version, or with the given older one, its {@link #PRODUCT_PAGE_VERSIONS} newest
     * versions, and the deprecation notice covering the shown version's major line ({@link ProductDeprecations}).
     */
    public ProductView product(String key, Optional<String> version) {
        Object[] product = productRow(key);
        long productId = (Long) product[0];
        String current = (String) product[7];
        String wanted = version.orElse(current);
        ProductVersion shown = em.createQuery(
                        "select distinct v from ProductVersion v left join fetch v.columns"
                                + " where v.product.id = :product and v.version = :version",
                        ProductVersion.class)
                .setParameter("product", productId)
                .setParameter("version", wanted)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("Data product " + key + " has no version '" + wanted + "'."));
        long versionCount = em.createQuery(
                        "select count(v) from ProductVersion v where v.product.id = :product", Long.class)
                .setParameter("product", productId)
                .getSingleResult();
        List<VersionSummary> newest = versions(productId, current, new PageRequest(List.of(), PRODUCT_PAGE_VERSIONS));
        return new ProductView(
                key,
                (String) product[1],
                (String) product[2],
                (String) product[3],
                ((LifecycleStatus) product[4]).label(),
                (Instant) product[5],
                (Instant) product[6],
                current,
                VersionView.of(shown, standings.warningsOf(shown.id)),
                newest.size() > PRODUCT_PAGE_VERSIONS ? newest.subList(0, PRODUCT_PAGE_VERSIONS) : newest,
                versionCount,
                standings.standingOf(productId).orElse(null),
                deprecations.of(key, shown).orElse(null));
    }

    /**
     * One page of a product's versions, newest first by Semantic Versioning precedence (§11; build metadata plays no
     * part, and the catalog publishes one build of a version, so the order is total).
     *
     * @return at most {@code request.limitWithLookahead()} versions; the sort key of each is its version text
     * @throws Refusal.NotFound when no product has that key
     * @throws Refusal.Malformed naming {@code after} when the cursor does not hold a semantic version
     */
    public List<VersionSummary> versions(String key, PageRequest request) {
        Object[] product = productRow(key);
        return versions((Long) product[0], (String) product[7], request);
    }

    /**
     * The current version of product {@code key}.
     *
     * @throws Refusal.NotFound when no product has that key
     */
    public String currentVersion(String key) {
        return (String) productRow(key)[7];
    }

    /**
     * Keyset paging on the stored columns (major, minor, patch), which the index product_version_product_idx orders.
     * Pre-release precedence is not a stored column, so the query reads every version of the (at most size + 2)
     * triples the page reaches and orders them in Java: the rows read are bounded by the page size times the
     * pre-releases of one major.minor.patch, never by the product's (or the catalog's) number of versions.
     */
    private List<VersionSummary> versions(long productId, String current, PageRequest request) {
        Optional<SemanticVersion> after = request.first()
                ? Optional.empty()
                : Optional.of(request.after(
                        0, version -> SemanticVersion.parse(version).orElseThrow()));
        String triples =
                "select distinct t.major, t.minor, t.patch from product_version t where t.product_id = :product"
                        + (after.isPresent() ? " and (t.major, t.minor, t.patch) <= (:major, :minor, :patch)" : "")
                        + " order by t.major desc, t.minor desc, t.patch desc limit :n";
        var query = em.createNativeQuery(
                        "select v.version, v.published_at, v.published_by, v.changelog from product_version v"
                                + " where v.product_id = :product and (v.major, v.minor, v.patch) in (" + triples
                                + ")")
                .setParameter("product", productId)
                // The cursor's own triple may have nothing left below the cursor, so one triple more than the rows
                // wanted: each other triple holds at least one version.
                .setParameter("n", request.limitWithLookahead() + (after.isPresent() ? 1 : 0));
        after.ifPresent(a -> query.setParameter("major", a.major())
                .setParameter("minor", a.minor())
                .setParameter("patch", a.patch()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Function<Object[], SemanticVersion> precedence =
                r -> SemanticVersion.parse((String) r[0]).orElseThrow();
        return rows.stream()
                .filter(r -> after.isEmpty() || precedence.apply(r).compareTo(after.get()) < 0)
                .sorted(Comparator.comparing(precedence).reversed())
                .limit(request.limitWithLookahead())
                .map(r -> new VersionSummary(
                        (String) r[0], toInstant(r[1]), (String) r[2], (String) r[3], current.equals(r[0])))
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** id, domain key, domain name, external id, status, created, updated, current version; or a 404. */
    private Object[] productRow(String key) {
        return em.createQuery(
                        "select p.id, d.key, d.name, p.externalId, p.status, p.createdAt, p.updatedAt, v.version"
                                + " from DataProduct p join p.domain d join p.currentVersion v where p.key = :key",
                        Object[].class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("No data product '" + key + "' is in the catalog."));
    }

    @SuppressWarnings("unchecked")
    private static ProductSummary summary(Object[] r) {
        Classification classification = (Classification) r[4];
        List<String> tags = (List<String>) r[8];
        return new ProductSummary(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                ((LifecycleStatus) r[3]).label(),
                classification == null ? null : classification.label(),
                (String) r[5],
                (String) r[6],
                (String) r[7],
                tags == null ? List.of() : List.copyOf(tags),
                (Instant) r[9],
                (String) r[10]);
    }

    public record PublishedDescriptor(String text, String format) {}

    public PublishedDescriptor descriptor(String key, String version) {
        return em.createQuery(
                        "select v.descriptor, v.descriptorFormat from ProductVersion v"
                                + " where v.product.key = :key and v.version = :version",
                        Object[].class)
                .setParameter("key", key)
                .setParameter("version", version)
                .getResultStream()
                .findFirst()
                .map(r -> new PublishedDescriptor((String) r[0], (String) r[1]))
                .orElseThrow(() -> Refusal.notFound("Data product " + key + " has no version '" + version + "'."));
    }
}
