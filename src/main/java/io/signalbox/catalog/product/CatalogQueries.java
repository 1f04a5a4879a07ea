package io.signalbox.catalog.product;

import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.catalog.product.CatalogViews.DomainSummary;
import io.signalbox.catalog.product.CatalogViews.DomainView;
import io.signalbox.catalog.product.CatalogViews.HomeView;
import io.signalbox.catalog.product.CatalogViews.ProductSummary;
import io.signalbox.catalog.product.CatalogViews.ProductView;
import io.signalbox.catalog.product.CatalogViews.Publication;
import io.signalbox.catalog.product.CatalogViews.VersionSummary;
import io.signalbox.catalog.product.CatalogViews.VersionView;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Read-shaped queries for the catalog's pages and API: a handful of statements per page, no lazy-loading walks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogQueries {

    @Inject
    EntityManager em;

    @Inject
    StandingReader standings;

    public HomeView home() {
        List<DomainSummary> domains = domainSummaries();
        long products = domains.stream().mapToLong(DomainSummary::products).sum();
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
                .createQuery(
                        "select p from DataProduct p join fetch p.domain join fetch p.currentVersion"
                                + " order by p.updatedAt desc, p.id desc",
                        DataProduct.class)
                .setMaxResults(8)
                .getResultList()
                .stream()
                .map(ProductSummary::of)
                .toList();
        return new HomeView(products, domains, publications, changed);
    }

    public List<DomainSummary> domainSummaries() {
        return em
                .createQuery(
                        "select d.key, d.name, count(p.id),"
                                + " coalesce(sum(case when p.status = io.signalbox.catalog.model.LifecycleStatus.PUBLISHED then 1 else 0 end), 0),"
                                + " coalesce(sum(case when p.status = io.signalbox.catalog.model.LifecycleStatus.DEPRECATED then 1 else 0 end), 0)"
                                + " from Domain d left join DataProduct p on p.domain = d"
                                + " group by d.id, d.key, d.name order by d.name",
                        Object[].class)
                .getResultList()
                .stream()
                .map(r -> new DomainSummary(
                        (String) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue()))
                .toList();
    }

    public DomainView domain(String key) {
        Domain domain = Domain.existing(key);
        List<ProductSummary> products = em
                .createQuery(
                        "select p from DataProduct p join fetch p.domain join fetch p.currentVersion"
                                + " where p.domain = :domain order by p.key",
                        DataProduct.class)
                .setParameter("domain", domain)
                .getResultList()
                .stream()
                .map(ProductSummary::of)
                .toList();
        return DomainView.of(domain, products);
    }

    public List<ProductSummary> products(Optional<String> domainKey) {
        return em
                .createQuery(
                        "select p from DataProduct p join fetch p.domain d join fetch p.currentVersion"
                                + " where (:domain is null or d.key = :domain) order by p.key",
                        DataProduct.class)
                .setParameter("domain", domainKey.orElse(null))
                .getResultList()
                .stream()
                .map(ProductSummary::of)
                .toList();
    }

    /** The product with its current version, or with the given older one. */
    public ProductView product(String key, Optional<String> version) {
        DataProduct product = em.createQuery(
                        "select p from DataProduct p join fetch p.domain join fetch p.currentVersion where p.key = :key",
                        DataProduct.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("No data product '" + key + "' is in the catalog."));
        String wanted = version.orElse(product.currentVersion.version);
        ProductVersion shown = em.createQuery(
                        "select distinct v from ProductVersion v left join fetch v.columns"
                                + " where v.product = :product and v.version = :version",
                        ProductVersion.class)
                .setParameter("product", product)
                .setParameter("version", wanted)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("Data product " + key + " has no version '" + wanted + "'."));
        return new ProductView(
                product.key,
                product.domain.key,
                product.domain.name,
                product.externalId,
                product.status.label(),
                product.createdAt,
                product.updatedAt,
                product.currentVersion.version,
                VersionView.of(shown, standings.warningsOf(shown.id)),
                versions(product),
                standings.standingOf(product.id).orElse(null));
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

    private List<VersionSummary> versions(DataProduct product) {
        String current = product.currentVersion.version;
        return em
                .createQuery(
                        "select v.version, v.publishedAt, v.publishedBy, v.changelog from ProductVersion v where v.product = :product",
                        Object[].class)
                .setParameter("product", product)
                .getResultList()
                .stream()
                .map(r -> new VersionSummary(
                        (String) r[0], (Instant) r[1], (String) r[2], (String) r[3], current.equals(r[0])))
                .sorted(Comparator.comparing((VersionSummary v) ->
                                SemanticVersion.parse(v.version()).orElseThrow())
                        .reversed())
                .toList();
    }
}
