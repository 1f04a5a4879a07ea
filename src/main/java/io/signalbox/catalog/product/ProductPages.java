package io.signalbox.catalog.product;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.product.CatalogViews.ProductView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** A product's page: overview, consumers, schema, classification, changelog and versions, current or older. */
@Path("/products/{key}")
@Produces(MediaType.TEXT_HTML)
public class ProductPages {

    @Inject
    CatalogQueries queries;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance product(ProductView product);
    }

    @GET
    public TemplateInstance current(@PathParam("key") String key) {
        return Templates.product(queries.product(key, Optional.empty()));
    }

    @GET
    @Path("/versions/{version}")
    public TemplateInstance version(@PathParam("key") String key, @PathParam("version") String version) {
        return Templates.product(queries.product(key, Optional.of(version)));
    }
}
