package io.signalbox.readiness.assessment;

import io.signalbox.identity.Caller;
import io.signalbox.readiness.assessment.AssessmentService.Saved;
import io.signalbox.readiness.assessment.AssessmentViews.AssessmentView;
import io.signalbox.readiness.assessment.AssessmentViews.PlanItemView;
import io.signalbox.readiness.assessment.AssessmentViews.ReadinessView;
import io.signalbox.readiness.assessment.AssessmentViews.WaiverView;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * A domain's readiness assessment as JSON (docs/readiness.md): read it (latest submission, the draft, the history),
 * save the draft, submit it, waive a red (council) and mark a plan item done. Reading is for everyone signed in;
 * the draft, saving and submitting for the domain's owners and the council.
 */
@Path("/api/domains/{key}/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessApi {

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentQueries queries;

    @Inject
    Caller caller;

    /**
     * The domain's readiness: {@code latest}, {@code draftOpen}, {@code draft} (for owners and the council) and the
     * history as {@code items} (submitted assessments newest first, {@code ?size=} 1–100, default 20) with
     * {@code next}, also in a {@code Link} header.
     */
    @GET
    public Response read(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest page =
                Paging.request(after, size, AssessmentQueries.DEFAULT_HISTORY, AssessmentQueries.MAX_HISTORY, 2);
        ReadinessView view = queries.readiness(key, caller, page, uri.getPath(), uri.getQueryParameters());
        Response.ResponseBuilder answer = Response.ok(view);
        if (view.next() != null) {
            answer.header("Link", "<" + view.next() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    /** Saves the draft (opening it when none is open and no lockVersion is sent: 201); 200 with the draft. */
    @PUT
    @Path("/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("key") String key, DraftRequest request) {
        Saved saved = assessments.saveDraft(key, request, caller);
        AssessmentView view = queries.view(saved.draft());
        return saved.opened()
                ? Response.created(URI.create("/api/domains/" + key + "/readiness"))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    /** Submits the open draft; 200 with the submitted assessment, now immutable. */
    @POST
    @Path("/draft/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    public AssessmentView submit(@PathParam("key") String key, SubmissionRequest request) {
        return queries.view(assessments.submit(key, request == null ? null : request.lockVersion(), caller));
    }

    /** The council waives a red criterion of the latest submission; 201 with the waiver. */
    @POST
    @Path("/assessments/{id}/waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response waive(@PathParam("key") String key, @PathParam("id") String id, WaiverRequest request) {
        WaiverView waiver = queries.view(assessments.waive(key, id, request, caller));
        return Response.created(URI.create("/api/domains/" + key + "/readiness"))
                .entity(waiver)
                .build();
    }

    /** Marks a plan item of a submitted assessment done; 200 with the item. */
    @POST
    @Path("/plan-items/{id}/done")
    public PlanItemView done(@PathParam("key") String key, @PathParam("id") String id) {
        return queries.view(assessments.markDone(key, id, caller));
    }
}
