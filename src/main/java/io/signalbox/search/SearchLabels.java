package io.signalbox.search;

import io.signalbox.catalog.Domain;
import io.signalbox.search.SearchResults.FacetValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Facet values are stored as keys; people read domain names. */
final class SearchLabels {

    static SearchResults withDomainNames(SearchResults results) {
        List<FacetValue> domains = results.facets().get(ProductDocuments.Facet.DOMAIN.dimension);
        if (domains == null || domains.isEmpty()) {
            return results;
        }
        Map<String, String> names = Domain.listByKey().stream().collect(Collectors.toMap(d -> d.key, d -> d.name));
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>(results.facets());
        facets.put(
                ProductDocuments.Facet.DOMAIN.dimension,
                domains.stream()
                        .map(v -> new FacetValue(
                                v.value(), names.getOrDefault(v.value(), v.value()), v.count(), v.selected()))
                        .toList());
        return new SearchResults(
                results.query(),
                results.total(),
                results.page(),
                results.size(),
                results.sort(),
                results.tookMicros(),
                results.relaxed(),
                results.hits(),
                facets,
                results.index());
    }

    private SearchLabels() {}
}
