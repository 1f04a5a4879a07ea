package io.signalbox.catalog;

import java.util.Set;

/**
 * Fired inside the transaction of any change that alters what a product shows to people who look for it: a
 * publication, a status change, a domain's new name. Observers that keep derived data (the search index) act once the
 * transaction has committed, so they never show what was rolled back.
 */
public record ProductsChanged(Set<Long> productIds, String domainKey) {

    public static ProductsChanged products(Long... ids) {
        return new ProductsChanged(Set.of(ids), null);
    }

    /** Every product of a domain, e.g. after its name changed. */
    public static ProductsChanged domain(String key) {
        return new ProductsChanged(Set.of(), key);
    }
}
