package io.signalbox.readiness.onboarding;

import io.signalbox.catalog.domain.DomainService;
import io.signalbox.identity.Caller;
import io.signalbox.readiness.onboarding.OnboardingService.View;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;

/**
 * A domain's onboarding decisions as JSON: {@code PUT /api/domains/{key}/onboarding} records the council's decision
 * (council only; 404 for an unknown domain; 422 naming the field), {@code GET} lists them newest first (the first is
 * the current one), a {@link Paging} page ({@code ?size=} 1 to 100, default 20).
 */
@Path("/api/domains/{key}/onboarding")
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingApi {

    @Inject
    OnboardingService onboarding;

    @Inject
    DomainService domains;

    @Inject
    Caller caller;

    /**
     * The council's decision.
     *
     * @param decision {@code ready-to-pilot}, {@code needs-capability-building} or {@code stays-on-central-tooling}
     * @param reason why (required, at most 4 000 characters)
     * @param decidedOn the day decided ({@code 2026-11-30}); today when absent; not in the future
     */
    public record OnboardingRequest(String decision, String reason, LocalDate decidedOn) {}

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public View decide(@PathParam("key") String key, OnboardingRequest request) {
        OnboardingRequest body = request == null ? new OnboardingRequest(null, null, null) : request;
        return onboarding.decide(caller, key, body.decision(), body.reason(), body.decidedOn());
    }

    @GET
    public Response history(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest request =
                Paging.request(after, size, OnboardingService.DEFAULT_SIZE, OnboardingService.MAX_SIZE, 1);
        domains.existing(key);
        Long afterId = request.first() ? null : request.after(0, Long::parseLong);
        return Paging.page(
                        onboarding.history(key, afterId, request.limitWithLookahead()),
                        request,
                        v -> List.of(String.valueOf(v.id())),
                        uri)
                .answer();
    }
}
