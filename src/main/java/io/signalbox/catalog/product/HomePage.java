package io.signalbox.catalog.product;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.product.CatalogViews.HomeView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The front page: what the catalog holds and what changed lately. Its JSON twin is {@code /api/catalog}. */
@Path("/")
public class HomePage {

    @Inject
    CatalogQueries queries;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(HomeView home);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(queries.home());
    }

    @GET
    @Path("/api/catalog")
    @Produces(MediaType.APPLICATION_JSON)
    public HomeView summary() {
        return queries.home();
    }
}
