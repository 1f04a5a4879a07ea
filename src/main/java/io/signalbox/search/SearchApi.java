package io.signalbox.search;

import io.signalbox.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;

/** Search as JSON: the same request and results as the search page, plus suggestions and the index's health. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    @Inject
    CatalogSearch search;

    @Inject
    SearchLabels labels;

    @Inject
    SearchIndex index;

    @Inject
    Caller caller;

    @GET
    public SearchResults search(
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @Context UriInfo uri) {
        SearchRequest request = SearchRequest.of(q, uri.getQueryParameters(), sort, page, size);
        return labels.withDomainNames(search.search(request, CatalogSearch.mayReuse(cacheControl)));
    }

    public record Suggestions(
            List<CatalogSearch.Suggestions.Product> products,
            List<DomainSuggestion> domains,
            List<String> tags,
            List<String> entities) {}

    public record DomainSuggestion(String key, String name) {}

    /** What the search box offers while a person types: products, domains, tags and canonical entities. */
    @GET
    @Path("/suggest")
    public Suggestions suggest(@QueryParam("q") String q) {
        CatalogSearch.Suggestions found = search.suggest(q, 6);
        String typed = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<DomainSuggestion> domains = typed.isEmpty()
                ? List.of()
                : labels.domainNames().entrySet().stream()
                        .filter(d -> d.getKey().startsWith(typed)
                                || d.getValue().toLowerCase(Locale.ROOT).startsWith(typed)
                                || d.getValue().toLowerCase(Locale.ROOT).contains(" " + typed))
                        .limit(4)
                        .map(d -> new DomainSuggestion(d.getKey(), d.getValue()))
                        .toList();
        return new Suggestions(found.products(), domains, found.tags(), found.entities());
    }

    @GET
    @Path("/status")
    public SearchIndex.Status status() {
        return index.status();
    }

    /** Rebuilds the whole index from PostgreSQL beside the live one and swaps it in; searches go on meanwhile. */
    @POST
    @Path("/rebuild")
    public Response rebuild() {
        caller.refuseUnlessAdmin("rebuild the search index");
        index.rebuild();
        return Response.accepted(index.status()).build();
    }
}
