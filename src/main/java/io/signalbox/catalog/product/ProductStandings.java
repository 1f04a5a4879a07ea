package io.signalbox.catalog.product;

import io.signalbox.catalog.ProductChangeSignals;
import io.signalbox.catalog.model.DataProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;

/**
 * The one way a product's standing against the council's rules (passing, warning, failing) is written into the
 * catalog: governance judges, the catalog keeps the latest word on the product so that lists and search can show and
 * filter by it, and tells the index when it changed.
 */
@ApplicationScoped
public class ProductStandings {

    @Inject
    ProductChangeSignals signals;

    /** Inside the caller's transaction; returns whether the standing changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(DataProduct product, String standing) {
        if (Objects.equals(product.compliance, standing)) {
            return false;
        }
        product.compliance = standing;
        signals.productChanged(product.id);
        return true;
    }
}
