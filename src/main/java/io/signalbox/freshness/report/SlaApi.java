package io.signalbox.freshness.report;

import io.signalbox.catalog.domain.DomainRoster;
import io.signalbox.web.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** The SLA report as JSON, the twin of {@link SlaPages} (docs/freshness.md); every signed-in person reads it. */
@Path("/api/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaApi {

    private static final String PRODUCTS = "/api/sla/products";

    @Inject
    SlaReport report;

    /**
     * The report: per domain the products watched, breached and at risk now and the 30- and 90-day on-time shares
     * (fractions 0 to 1), the current breaches (count and the longest overdue), the worst offenders; with
     * {@code ?domain=} only that domain, with the first page of its products (404 naming an unknown domain).
     */
    @GET
    public SlaReport.Report report(@QueryParam("domain") String domain) {
        return report.report(domainFilter(domain), PRODUCTS);
    }

    /**
     * Watched products by key with their state, deadline and shares, all or one domain's: a page (web.Paging:
     * {@code size} 1 to {@value SlaReport#MAX_SIZE}, default {@value SlaReport#DEFAULT_SIZE}).
     */
    @GET
    @Path("/products")
    public Response products(
            @QueryParam("domain") String domain, @QueryParam("after") String after, @QueryParam("size") Integer size) {
        return report.products(
                        domainFilter(domain),
                        Paging.request(after, size, SlaReport.DEFAULT_SIZE, SlaReport.MAX_SIZE, 1),
                        PRODUCTS)
                .answer();
    }

    /** The {@code domain} parameter as every domain filter reads it ({@link DomainRoster#domainFilter}). */
    static Optional<String> domainFilter(String domain) {
        return DomainRoster.domainFilter(domain);
    }
}
