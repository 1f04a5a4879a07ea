package io.signalbox.governance.compliance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The council's compliance dashboard: per domain and rule, the trend, what to fix first, untagged columns. */
@Path("/governance/compliance")
@Produces(MediaType.TEXT_HTML)
public class CompliancePages {

    @Inject
    ComplianceDashboard compliance;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compliance(ComplianceDashboard.Dashboard dashboard);
    }

    @GET
    public TemplateInstance compliance() {
        return Templates.compliance(compliance.dashboard());
    }
}
