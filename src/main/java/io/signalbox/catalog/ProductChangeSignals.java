package io.signalbox.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.query.NativeQuery;

/**
 * Tells derived data (the search index) that a product changed, once per product and transaction however many
 * writes touched it: a publication and the standing it earns are one change to the reader.
 *
 * <p>Two ways, both bound to the transaction: a row in the catalog's change feed ({@code catalog_change}, read by
 * every replica through {@link io.signalbox.catalog.reporting.CatalogChanges}), written in the transaction itself so
 * that it exists exactly when the change committed; and the CDI event {@link ProductsChanged} after the commit, with
 * which this replica brings its own index up to date before the request that made the change answers.
 */
@ApplicationScoped
public class ProductChangeSignals {

    private static final Object SIGNALLED = new Object();

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    Event<ProductsChanged> changes;

    @Inject
    EntityManager em;

    /** Must run inside a transaction; observers act after it commits ({@link ProductsChanged}). */
    public void productChanged(long productId) {
        @SuppressWarnings("unchecked")
        Set<Long> signalled = (Set<Long>) transaction.getResource(SIGNALLED);
        if (signalled == null) {
            signalled = new HashSet<>();
            transaction.putResource(SIGNALLED, signalled);
        }
        if (signalled.add(productId)) {
            feedRow("insert into catalog_change (product_id) values (:subject)", productId);
            changes.fire(ProductsChanged.products(productId));
        }
    }

    /**
     * Writes one feed row. Its own query space keeps Hibernate from flushing the caller's pending entity changes
     * early: a concurrent edit must still surface where the caller expects it (at its flush or the commit).
     */
    private void feedRow(String insert, Object subject) {
        em.createNativeQuery(insert)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("catalog_change")
                .setParameter("subject", subject)
                .executeUpdate();
    }

    /** Every product of a domain, e.g. after its name changed. Must run inside a transaction. */
    public void domainChanged(String domainKey) {
        feedRow("insert into catalog_change (domain_key) values (:subject)", domainKey);
        changes.fire(ProductsChanged.domain(domainKey));
    }
}
