package io.signalbox.governance.compliance;

import io.signalbox.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    @POST
    @Path("/measurements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("key") String key, ComplianceService.MeasurementReport report) {
        caller.refuseUnlessOwnerOf(compliance.domainOf(key), "report measurements of its products");
        compliance.report(
                key,
                report == null ? new ComplianceService.MeasurementReport(null, null, null) : report,
                caller.name());
        return Response.status(Response.Status.CREATED).entity(standing(key)).build();
    }

    @GET
    @Path("/compliance")
    public ComplianceService.Standing standing(@PathParam("key") String key) {
        return compliance.standing(key);
    }
}
