package io.signalbox.governance.compliance;

import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.publishing.PublicationGate.Finding;
import io.signalbox.identity.Caller;
import io.signalbox.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a product's pipeline reports what it measured after each refresh, and where anyone reads how the product
 * stands: {@code curl -H "Content-Type: application/json" -d '{"lastRefreshedAt": "…", "completeness":
 * {"Service.service_id": 99.98}}' …/api/products/network.service-inventory/measurements}.
 */
@Path("/api/products/{key}")
@Produces(MediaType.APPLICATION_JSON)
public class MeasurementApi {

    @Inject
    ComplianceService compliance;

    @Inject
    Caller caller;

    public record Measurement(Instant measuredAt, Instant lastRefreshedAt, Map<String, Double> completeness) {}

    /** How a product stands: its latest judgement, with the findings behind it and the measurement it used. */
    public record Standing(
            String product,
            String status,
            Instant evaluatedAt,
            String trigger,
            int ruleSetVersion,
            List<Finding> findings,
            Measurement lastMeasurement) {}

    @POST
    @Path("/measurements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("key") String key, ComplianceService.MeasurementReport report) {
        DataProduct product = existing(key);
        caller.refuseUnlessOwnerOf(product.domain.key, "report measurements of its products");
        compliance.report(
                key,
                report == null ? new ComplianceService.MeasurementReport(null, null, null) : report,
                caller.name());
        return Response.status(Response.Status.CREATED).entity(standing(key)).build();
    }

    @GET
    @Path("/compliance")
    public Standing standing(@PathParam("key") String key) {
        DataProduct product = existing(key);
        ComplianceEvaluation latest = ComplianceEvaluation.latestOf(product.id).orElse(null);
        Measurement measurement = ProductMeasurement.latestOf(product.id)
                .map(m -> new Measurement(m.measuredAt, m.lastRefreshedAt, Map.copyOf(m.completeness)))
                .orElse(null);
        return latest == null
                ? new Standing(key, null, null, null, 0, List.of(), measurement)
                : new Standing(
                        key,
                        latest.status,
                        latest.evaluatedAt,
                        latest.trigger,
                        latest.ruleSetVersion,
                        List.copyOf(latest.findings),
                        measurement);
    }

    private static DataProduct existing(String key) {
        return DataProduct.findByKey(key)
                .orElseThrow(() -> ProblemException.notFound("There is no data product '" + key + "'."));
    }
}
