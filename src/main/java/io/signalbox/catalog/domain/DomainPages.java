package io.signalbox.catalog.domain;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.product.CatalogQueries;
import io.signalbox.catalog.product.CatalogViews.DomainSummary;
import io.signalbox.catalog.product.CatalogViews.DomainView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The domains and, for each, its bounded context, accountable people and products. */
@Path("/domains")
@Produces(MediaType.TEXT_HTML)
public class DomainPages {

    @Inject
    CatalogQueries queries;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance domains(List<DomainSummary> domains);

        static native TemplateInstance domain(DomainView domain);
    }

    @GET
    public TemplateInstance domains() {
        return Templates.domains(queries.domainSummaries());
    }

    @GET
    @Path("/{key}")
    public TemplateInstance domain(@PathParam("key") String key) {
        return Templates.domain(queries.domain(key));
    }
}
