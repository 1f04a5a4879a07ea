package io.signalbox.readiness.watch;

import io.signalbox.catalog.map.UndeclaredReads;
import io.signalbox.governance.canonical.UnmappedAttributes;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The council's watch as JSON, the twins of the three lists of {@link WatchPages}: pages by the contract of
 * {@link Paging} ({@code size} 1 to 200, {@code after} the cursor of {@code next}). Readable by every signed-in person.
 */
@Path("/api/readiness/watch")
@Produces(MediaType.APPLICATION_JSON)
public class WatchApi {

    @Inject
    MeshWatch watch;

    /**
     * Undeclared dependencies by reading then read product key, each with both products (key, title, domain, owner
     * email) and {@code reportedAt} (null until the job reported it); {@code ?domain=} keeps the reads where that
     * domain reads or is read.
     */
    @GET
    @Path("/undeclared-dependencies")
    public Response undeclaredDependencies(
            @QueryParam("domain") String domain,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        var filter = MeshWatch.domainFilter(domain);
        PageRequest page = Paging.request(after, size, UndeclaredReads.DEFAULT_PAGE_SIZE, MeshWatch.MAX_PAGE_SIZE, 2);
        return watch.undeclaredDependencies(filter, page)
                .page(uri.getPath(), uri.getQueryParameters(), page.size())
                .answer();
    }

    /**
     * Orphaned products by key ({@code ?domain=} for one domain's). A page may hold fewer items than asked and still
     * have a {@code next}: each page reads a bounded number of products (docs/mesh-watch.md).
     */
    @GET
    @Path("/orphaned-products")
    public Response orphanedProducts(
            @QueryParam("domain") String domain,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        var filter = MeshWatch.domainFilter(domain);
        PageRequest page = Paging.request(after, size, MeshWatch.DEFAULT_PAGE_SIZE, MeshWatch.MAX_PAGE_SIZE, 1);
        return watch.orphanedProducts(filter, page)
                .page(uri.getPath(), uri.getQueryParameters(), page.size())
                .answer();
    }

    /** Canonical attributes no live product maps, by entity then attribute, with when each was defined. */
    @GET
    @Path("/model-review")
    public Response modelReview(
            @QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest page =
                Paging.request(after, size, UnmappedAttributes.DEFAULT_PAGE_SIZE, MeshWatch.MAX_PAGE_SIZE, 2);
        return watch.modelReview(page)
                .page(uri.getPath(), uri.getQueryParameters(), page.size())
                .answer();
    }
}
