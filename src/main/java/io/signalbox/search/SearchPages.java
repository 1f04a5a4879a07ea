package io.signalbox.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.search.ProductDocuments.Facet;
import io.signalbox.search.SearchRequest.Order;
import io.signalbox.search.SearchResults.FacetValue;
import io.signalbox.web.Urls;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** The search page: works with links and one GET form, no script needed. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    @Inject
    CatalogSearch search;

    @Inject
    SearchLabels labels;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(View view);
    }

    @GET
    public TemplateInstance page(
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @Context UriInfo uri) {
        SearchRequest request = SearchRequest.of(q, uri.getQueryParameters(), sort, page, size);
        SearchResults results = search.search(request, CatalogSearch.mayReuse(cacheControl));
        return Templates.search(new View(request, labels.withDomainNames(results)));
    }

    /** The results with the links that change them: each keeps every other choice of the person. */
    public record View(SearchRequest request, SearchResults results) {

        public record Group(String dimension, String label, List<Option> options) {}

        public record Option(FacetValue value, String link) {}

        public record Parameter(String name, String value) {}

        /** The chosen filters as hidden fields, so that new words keep them. */
        public List<Parameter> hiddenFilters() {
            List<Parameter> parameters = new ArrayList<>();
            for (Facet facet : Facet.values()) {
                request.filter(facet).forEach(value -> parameters.add(new Parameter(facet.dimension, value)));
            }
            return parameters;
        }

        public record SortChoice(String value, String label, boolean chosen, String link) {}

        public List<Group> groups() {
            List<Group> groups = new ArrayList<>();
            for (Facet facet : Facet.values()) {
                List<FacetValue> values = results.facets().getOrDefault(facet.dimension, List.of());
                if (values.isEmpty()) {
                    continue;
                }
                groups.add(new Group(
                        facet.dimension,
                        facet.label,
                        values.stream()
                                .map(v -> new Option(v, link(facet, v.value(), request.order(), 1)))
                                .toList()));
            }
            return groups;
        }

        public List<SortChoice> sorts() {
            return List.of(
                    sortChoice(Order.RELEVANCE, "Relevance"),
                    sortChoice(Order.UPDATED, "Recently updated"),
                    sortChoice(Order.NAME, "Name"));
        }

        /** Retired products are left out unless asked for; this link asks. */
        public String retiredLink() {
            return request.filter(Facet.STATUS).isEmpty() ? link(Facet.STATUS, "retired", request.order(), 1) : null;
        }

        public String pageLink(int page) {
            return link(null, null, request.order(), page);
        }

        public boolean filtered() {
            return request.filtered();
        }

        /** Filters chosen so far, each with the link that removes it. */
        public List<Option> chosen() {
            List<Option> chosen = new ArrayList<>();
            for (Facet facet : Facet.values()) {
                for (String value : request.filter(facet)) {
                    String label = results.facets().getOrDefault(facet.dimension, List.of()).stream()
                            .filter(v -> v.value().equals(value))
                            .map(FacetValue::label)
                            .findFirst()
                            .orElse(value);
                    chosen.add(new Option(
                            new FacetValue(value, facet.label + ": " + label, 0, true),
                            link(facet, value, request.order(), 1)));
                }
            }
            return chosen;
        }

        private SortChoice sortChoice(Order order, String label) {
            return new SortChoice(
                    order.label(), label, results.sort().equals(order.label()), link(null, null, order, 1));
        }

        /** This search with one facet value toggled, another order or another page. */
        private String link(Facet toggled, String value, Order order, int page) {
            StringBuilder link = new StringBuilder("/search?q=").append(encode(request.text()));
            for (Facet facet : Facet.values()) {
                List<String> values = new ArrayList<>(request.filter(facet));
                if (facet == toggled) {
                    if (!values.remove(value)) {
                        values.add(value);
                    }
                }
                for (String v : values) {
                    link.append('&').append(facet.dimension).append('=').append(encode(v));
                }
            }
            if (order != Order.RELEVANCE) {
                link.append("&sort=").append(order.label());
            }
            if (page > 1) {
                link.append("&page=").append(page);
            }
            if (request.size() != SearchRequest.DEFAULT_SIZE) {
                link.append("&size=").append(request.size());
            }
            return link.toString();
        }

        private static String encode(String text) {
            return Urls.urlEncoded(text);
        }
    }
}
