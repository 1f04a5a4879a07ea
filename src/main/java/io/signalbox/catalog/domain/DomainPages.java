package io.signalbox.catalog.domain;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.product.CatalogQueries;
import io.signalbox.catalog.product.CatalogViews.DomainSummary;
import io.signalbox.catalog.product.CatalogViews.DomainView;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The domains (a page at a time, with a link to the next) and, for each, its bounded context, accountable people and a
 * summary of its products that stays the same size whatever the domain holds.
 */
@Path("/domains")
@Produces(MediaType.TEXT_HTML)
public class DomainPages {

    @Inject
    CatalogQueries queries;

    /** The domain's readiness verdict and onboarding decision, answered by the readiness feature. */
    @Inject
    DomainReadiness readiness;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance domains(Page<DomainSummary> domains);

        static native TemplateInstance domain(DomainView domain, DomainReadiness.Standing readiness);
    }

    /** Domains by name, {@link DomainApi#DOMAINS_DEFAULT_SIZE} to a page; a bad {@code size} or {@code after} is a 400. */
    @GET
    public TemplateInstance domains(
            @QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest request =
                Paging.request(after, size, DomainApi.DOMAINS_DEFAULT_SIZE, DomainApi.DOMAINS_MAX_SIZE, 2);
        return Templates.domains(
                Paging.page(queries.domainSummaries(request), request, d -> List.of(d.name(), d.key()), uri));
    }

    @GET
    @Path("/{key}")
    public TemplateInstance domain(@PathParam("key") String key) {
        DomainView domain = queries.domain(key);
        return Templates.domain(domain, readiness.of(key).orElse(null));
    }
}
