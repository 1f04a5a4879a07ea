package io.signalbox.search;

import io.signalbox.catalog.ProductsChanged;
import io.signalbox.catalog.model.Domain;
import io.signalbox.search.SearchResults.FacetValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Facet values are stored as keys; people read domain names. The names are kept for a short while rather than read
 * for every search, and forgotten whenever the catalog changes.
 */
@ApplicationScoped
public class SearchLabels {

    private static final Duration KEEP = Duration.ofSeconds(30);

    private record Names(Map<String, String> byKey, long readAtNanos) {}

    private volatile Names names;

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductsChanged change) {
        names = null;
    }

    SearchResults withDomainNames(SearchResults results) {
        List<FacetValue> domains = results.facets().get(ProductDocuments.Facet.DOMAIN.dimension);
        if (domains == null || domains.isEmpty()) {
            return results;
        }
        Map<String, String> byKey = domainNames();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>(results.facets());
        facets.put(
                ProductDocuments.Facet.DOMAIN.dimension,
                domains.stream()
                        .map(v -> new FacetValue(
                                v.value(), byKey.getOrDefault(v.value(), v.value()), v.count(), v.selected()))
                        .toList());
        return new SearchResults(
                results.query(),
                results.total(),
                results.page(),
                results.size(),
                results.sort(),
                results.tookMicros(),
                results.cached(),
                results.relaxed(),
                results.hits(),
                facets,
                results.index());
    }

    /** Domain names by key, in key order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<String, String> domainNames() {
        Names current = names;
        if (current == null || System.nanoTime() - current.readAtNanos() > KEEP.toNanos()) {
            current = new Names(
                    Domain.listByKey().stream()
                            .collect(Collectors.toMap(d -> d.key, d -> d.name, (a, b) -> a, TreeMap::new)),
                    System.nanoTime());
            names = current;
        }
        return current.byKey();
    }
}
