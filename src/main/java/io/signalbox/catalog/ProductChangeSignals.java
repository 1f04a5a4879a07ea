package io.signalbox.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells derived data (the search index) that a product changed, once per product and transaction however many
 * writes touched it: a publication and the standing it earns are one change to the reader.
 */
@ApplicationScoped
public class ProductChangeSignals {

    private static final Object SIGNALLED = new Object();

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    Event<ProductsChanged> changes;

    /** Must run inside a transaction; observers act after it commits ({@link ProductsChanged}). */
    public void productChanged(long productId) {
        @SuppressWarnings("unchecked")
        Set<Long> signalled = (Set<Long>) transaction.getResource(SIGNALLED);
        if (signalled == null) {
            signalled = new HashSet<>();
            transaction.putResource(SIGNALLED, signalled);
        }
        if (signalled.add(productId)) {
            changes.fire(ProductsChanged.products(productId));
        }
    }

    /** Every product of a domain, e.g. after its name changed. */
    public void domainChanged(String domainKey) {
        changes.fire(ProductsChanged.domain(domainKey));
    }
}
