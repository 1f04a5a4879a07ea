package io.signalbox.catalog.product;

import io.signalbox.catalog.product.CatalogViews.ProductSummary;
import io.signalbox.catalog.product.CatalogViews.ProductView;
import io.signalbox.catalog.product.CatalogViews.VersionSummary;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's JSON API for reading products, their versions and the descriptors as published; publishing is
 * {@link io.signalbox.catalog.publishing.PublicationApi} on the same path.
 */
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductApi {

    @Inject
    CatalogQueries queries;

    /** Page sizes of the product list ({@code GET /api/products}, also {@code /api/domains/{key}/products}). */
    public static final int PRODUCTS_DEFAULT_SIZE = 50, PRODUCTS_MAX_SIZE = 200;

    /** Page sizes of a product's version list. */
    public static final int VERSIONS_DEFAULT_SIZE = 50, VERSIONS_MAX_SIZE = 200;

    /**
     * The products, optionally of one domain ({@code ?domain=key}; an unknown domain has none), a page at a time in
     * the order of their key ({@link Paging}: {@code ?size=} 1 to 200, default 50; {@code ?after=} the cursor of
     * {@code next}).
     */
    @GET
    public Response list(
            @QueryParam("domain") String domain,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest request = Paging.request(after, size, PRODUCTS_DEFAULT_SIZE, PRODUCTS_MAX_SIZE, 1);
        List<ProductSummary> rows = queries.products(Optional.ofNullable(domain).filter(d -> !d.isBlank()), request);
        return Paging.page(rows, request, p -> List.of(p.key()), uri).answer();
    }

    /**
     * The product with its current version; its {@code deprecation} is the notice covering the current major line
     * (null when none), and then the answer carries the {@code Deprecation}, {@code Sunset} and {@code Link} headers
     * ({@link DeprecationHeaders}).
     */
    @GET
    @Path("/{key}")
    public Response product(@PathParam("key") String key) {
        ProductView product = queries.product(key, Optional.empty());
        return DeprecationHeaders.add(Response.ok(product), key, product.deprecation())
                .build();
    }

    /**
     * A product's versions, newest first by Semantic Versioning precedence, a page at a time ({@link Paging}:
     * {@code ?size=} 1 to 200, default 50; {@code ?after=} the cursor of {@code next}); 404 for an unknown product.
     */
    @GET
    @Path("/{key}/versions")
    public Response versions(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest request = Paging.request(after, size, VERSIONS_DEFAULT_SIZE, VERSIONS_MAX_SIZE, 1);
        List<VersionSummary> rows = queries.versions(key, request);
        return Paging.page(rows, request, v -> List.of(v.version()), uri).answer();
    }

    /** The descriptor exactly as it was published, for auditors and for teams that lost their copy. */
    @GET
    @Path("/{key}/versions/{version}/descriptor")
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    public Response descriptor(@PathParam("key") String key, @PathParam("version") String version) {
        CatalogQueries.PublishedDescriptor published = queries.descriptor(key, version);
        return Response.ok(published.text())
                .type(
                        "json".equals(published.format())
                                ? MediaType.APPLICATION_JSON
                                : "application/yaml; charset=utf-8")
                .build();
    }

    /** One version of the product, with the deprecation headers when a notice covers its major line. */
    @GET
    @Path("/{key}/versions/{version}")
    public Response version(@PathParam("key") String key, @PathParam("version") String version) {
        ProductView product = queries.product(key, Optional.of(version));
        return DeprecationHeaders.add(Response.ok(product.version()), key, product.deprecation())
                .build();
    }
}
