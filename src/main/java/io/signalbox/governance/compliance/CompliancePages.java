package io.signalbox.governance.compliance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The council's compliance dashboard: per domain and rule, the trend, what to fix first, untagged columns. */
@Path("/governance/compliance")
@Produces(MediaType.TEXT_HTML)
public class CompliancePages {

    private static final String HERE = "/governance/compliance";

    @Inject
    ComplianceDashboard compliance;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compliance(
                ComplianceDashboard.Dashboard dashboard, Page<ComplianceDashboard.FixRow> fixFirst);
    }

    /**
     * The dashboard; what to fix first is paged here ({@code ?after=} the next page's cursor, 20 a page), untagged
     * columns are the first {@value ComplianceDashboard#UNTAGGED} products with a link to the API's full list.
     */
    @GET
    public TemplateInstance compliance(@QueryParam("after") String after) {
        PageRequest page = Paging.request(after, null, ComplianceDashboard.FIX_FIRST, ComplianceDashboard.MAX_SIZE, 3);
        ComplianceDashboard.Dashboard dashboard = compliance.dashboard(HERE, "/api/governance/compliance/untagged");
        return Templates.compliance(dashboard, page.first() ? dashboard.fixFirst() : compliance.fixFirst(page, HERE));
    }
}
