package io.signalbox.freshness.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * The SLA page (docs/freshness.md): how well products keep their freshness promises, per domain and product, with the
 * current breaches and the worst offenders; {@code ?domain=} shows one domain with its products, paged by key
 * ({@code ?after=}). Works without JavaScript; every signed-in person reads it.
 */
@Path("/sla")
@Produces(MediaType.TEXT_HTML)
public class SlaPages {

    private static final String HERE = "/sla";

    @Inject
    SlaReport report;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sla(SlaReport.Report report, Page<SlaReport.ProductSla> products);
    }

    /** The page, for all domains or one; a domain's product list continues from {@code after}. */
    @GET
    public TemplateInstance sla(@QueryParam("domain") String domain, @QueryParam("after") String after) {
        Optional<String> filter = SlaApi.domainFilter(domain);
        SlaReport.Report answer = report.report(filter, HERE);
        Page<SlaReport.ProductSla> products = answer.products();
        if (filter.isPresent() && after != null && !after.isBlank()) {
            products = report.products(
                    filter, Paging.request(after, null, SlaReport.DEFAULT_SIZE, SlaReport.MAX_SIZE, 1), HERE);
        }
        return Templates.sla(answer, products);
    }
}
