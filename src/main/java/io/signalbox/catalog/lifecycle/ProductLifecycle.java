package io.signalbox.catalog.lifecycle;

import io.signalbox.catalog.ProductChangeSignals;
import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.identity.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's side of a product's end of life, for the deprecation feature: the facts it needs to reach a product's
 * consumers ({@link ProductFacts}), and the one way a product's lifecycle status moves outside a publication
 * (deprecated when a notice is issued, retired at its sunset, published again when it is rescinded). Each move is
 * audited and signalled to the search index.
 */
@ApplicationScoped
public class ProductLifecycle {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ProductChangeSignals signals;

    /**
     * The facts about a product, with the consumers declared by the latest version of major line {@code major}
     * (the current version when null or when it is the current line); empty when no product has this key.
     */
    @Transactional
    public Optional<ProductFacts> facts(String productKey, Integer major) {
        Optional<DataProduct> found = DataProduct.findByKey(productKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DataProduct product = found.get();
        ProductVersion current = product.currentVersion;
        List<Integer> majors = em.createQuery(
                        "select distinct v.major from ProductVersion v where v.product = :p order by v.major",
                        Integer.class)
                .setParameter("p", product)
                .getResultList();
        ProductVersion described = current;
        if (major != null && major != current.major) {
            described = em.createQuery(
                            "from ProductVersion v where v.product = :p and v.major = :major "
                                    + "order by v.minor desc, v.patch desc, v.id desc",
                            ProductVersion.class)
                    .setParameter("p", product)
                    .setParameter("major", major)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst()
                    .orElse(current);
        }
        List<ProductFacts.Consumer> consumers = described.consumers.stream()
                .map(c -> new ProductFacts.Consumer(c.team(), c.domain(), c.contact()))
                .toList();
        return Optional.of(new ProductFacts(
                product.id,
                product.key,
                product.domain.key,
                current.title,
                current.ownerName,
                current.ownerEmail,
                current.version,
                current.major,
                majors,
                product.status.label(),
                consumers));
    }

    /**
     * The products whose current version declares {@code productKey} as an input port (ODPS {@code inputPorts},
     * custom property {@code sourceProduct}), with their owners; keyset-paged by product id: at most {@code limit}
     * products with an id above {@code afterProductId}, in id order.
     */
    @Transactional
    public List<ProductFacts.Downstream> downstream(String productKey, long afterProductId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select p.id, p.key, d.key as domain_key, v.owner_name, v.owner_email"
                                + " from data_product p"
                                + " join product_version v on v.id = p.current_version_id"
                                + " join domain d on d.id = p.domain_id"
                                + " where v.input_ports @> cast(:needle as jsonb) and p.id > :after"
                                + " order by p.id limit :limit")
                .setParameter("needle", "[{\"sourceProduct\": " + jsonString(productKey) + "}]")
                .setParameter("after", afterProductId)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new ProductFacts.Downstream(
                        ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }

    /** Whether a domain with this key is registered. */
    @Transactional
    public boolean domainExists(String domainKey) {
        return Domain.findByKey(domainKey).isPresent();
    }

    /** Whether {@code version} of product {@code productKey} is published (any version when {@code version} is null). */
    @Transactional
    public boolean isPublished(String productKey, String version) {
        Optional<DataProduct> product = DataProduct.findByKey(productKey);
        if (product.isEmpty()) {
            return false;
        }
        return version == null || ProductVersion.find(product.get(), version).isPresent();
    }

    /**
     * Marks a product deprecated because a notice now covers it (the whole product, or its current major line), in
     * the caller's transaction; a line that is not current leaves the product's status as it is.
     */
    @Transactional(TxType.MANDATORY)
    public void deprecate(String productKey, Integer major, String by) {
        move(productKey, major, LifecycleStatus.DEPRECATED, by, "product.deprecated");
    }

    /** Marks a product retired at its notice's sunset (same scope rule as {@link #deprecate}). */
    @Transactional(TxType.MANDATORY)
    public void retire(String productKey, Integer major, String by) {
        move(productKey, major, LifecycleStatus.RETIRED, by, "product.retired");
    }

    /** Returns a deprecated product to published when its notice is rescinded (same scope rule). */
    @Transactional(TxType.MANDATORY)
    public void reinstate(String productKey, Integer major, String by) {
        move(productKey, major, LifecycleStatus.PUBLISHED, by, "product.reinstated");
    }

    private void move(String productKey, Integer major, LifecycleStatus to, String by, String action) {
        DataProduct product = DataProduct.findByKey(productKey).orElseThrow();
        if (major != null && major != product.currentVersion.major) {
            return;
        }
        if (product.status == to) {
            return;
        }
        String before = product.status.label();
        product.status = to;
        audit.record(new AuditLog.Change(by, action, "product", product.key, product.domain.key, before, to.label()));
        signals.productChanged(product.id);
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
