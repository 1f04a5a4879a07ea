package io.signalbox.governance.compliance;

import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The compliance dashboard as JSON, the twin of {@link CompliancePages}. */
@Path("/api/governance/compliance")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceApi {

    private static final String FINDINGS = "/api/governance/compliance/findings";
    private static final String UNTAGGED = "/api/governance/compliance/untagged";

    @Inject
    ComplianceDashboard compliance;

    /**
     * Compliance per domain and per rule, the trend ({@value ComplianceDashboard#TREND_WEEKS} weeks), and the first
     * pages of what to fix first and of untagged columns, whose {@code next} links lead to the two lists below.
     */
    @GET
    public ComplianceDashboard.Dashboard compliance() {
        return compliance.dashboard(FINDINGS, UNTAGGED);
    }

    /**
     * The products to fix, failing first, then the most consumed, then by key, each with its first finding: a page
     * (web.Paging: {@code size} 1 to 200, default 50).
     */
    @GET
    @Path("/findings")
    public Response findings(@QueryParam("after") String after, @QueryParam("size") Integer size) {
        PageRequest page =
                Paging.request(after, size, ComplianceDashboard.DEFAULT_SIZE, ComplianceDashboard.MAX_SIZE, 3);
        return compliance.fixFirst(page, FINDINGS).answer();
    }

    /**
     * The products with untagged columns, by domain and key: a page (web.Paging: {@code size} 1 to 200, default 50).
     */
    @GET
    @Path("/untagged")
    public Response untagged(@QueryParam("after") String after, @QueryParam("size") Integer size) {
        PageRequest page =
                Paging.request(after, size, ComplianceDashboard.DEFAULT_SIZE, ComplianceDashboard.MAX_SIZE, 2);
        return compliance.untagged(page, UNTAGGED).answer();
    }
}
