package io.signalbox.catalog.product;

import io.signalbox.catalog.product.CatalogViews.ProductSummary;
import io.signalbox.catalog.product.CatalogViews.ProductView;
import io.signalbox.catalog.product.CatalogViews.VersionSummary;
import io.signalbox.catalog.product.CatalogViews.VersionView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    @GET
    public List<ProductSummary> list(@QueryParam("domain") String domain) {
        return queries.products(Optional.ofNullable(domain).filter(d -> !d.isBlank()));
    }

    @GET
    @Path("/{key}")
    public ProductView product(@PathParam("key") String key) {
        return queries.product(key, Optional.empty());
    }

    @GET
    @Path("/{key}/versions")
    public List<VersionSummary> versions(@PathParam("key") String key) {
        return queries.product(key, Optional.empty()).versions();
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

    @GET
    @Path("/{key}/versions/{version}")
    public VersionView version(@PathParam("key") String key, @PathParam("version") String version) {
        return queries.product(key, Optional.of(version)).version();
    }
}
