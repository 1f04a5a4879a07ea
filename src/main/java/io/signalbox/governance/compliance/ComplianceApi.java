package io.signalbox.governance.compliance;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The compliance dashboard as JSON, the twin of {@link CompliancePages}. */
@Path("/api/governance/compliance")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceApi {

    @Inject
    ComplianceDashboard compliance;

    /** Compliance per domain and per rule, the trend, what to fix first, and untagged columns. */
    @GET
    public ComplianceDashboard.Dashboard compliance() {
        return compliance.dashboard();
    }
}
