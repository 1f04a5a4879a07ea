package io.signalbox.deprecation.subscription;

import io.signalbox.identity.Caller;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's own subscriptions to deprecation notices as JSON, {@code GET /api/me/subscriptions} (paged); they are
 * made and ended at {@code POST|DELETE /api/products/{key}/subscription} ({@link ProductSubscriptionApi}) and
 * {@code /api/domains/{key}/subscription} ({@link DomainSubscriptionApi}). Anyone signed in may subscribe; nobody
 * manages another person's subscriptions.
 */
@Path("/api/me/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionApi {

    static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Caller caller;

    /**
     * A subscription as the API shows it; {@code webhookSecret} only in the answer that created or changed the
     * webhook (keep it: it is never shown again).
     */
    public record SubscriptionView(
            long id,
            String scope,
            String key,
            List<String> channels,
            String webhookUrl,
            String webhookSecret,
            Instant createdAt,
            Instant updatedAt) {

        static SubscriptionView of(Subscription s, String secret) {
            List<String> channels = new ArrayList<>();
            if (s.byEmail) {
                channels.add("email");
            }
            if (s.byInbox) {
                channels.add("inbox");
            }
            if (s.webhookUrl != null) {
                channels.add("webhook");
            }
            return new SubscriptionView(
                    s.id, s.scope, s.scopeKey, channels, s.webhookUrl, secret, s.createdAt, s.updatedAt);
        }
    }

    /** The caller's subscriptions in the order they were made, paged ({@code ?size=} 1–200, default 50). */
    @GET
    public Response mine(@QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest page = Paging.request(after, size, DEFAULT_SIZE, MAX_SIZE, 1);
        List<SubscriptionView> rows = subscriptions.mine(caller, page).stream()
                .map(s -> SubscriptionView.of(s, null))
                .toList();
        return Paging.page(rows, page, s -> List.of(Long.toString(s.id())), uri).answer();
    }

    static Response saved(SubscriptionService.Saved saved) {
        return Response.status(saved.created() ? 201 : 200)
                .entity(SubscriptionView.of(saved.subscription(), saved.newWebhookSecret()))
                .build();
    }

    static Response removed(boolean removed, String what) {
        if (!removed) {
            throw Refusal.notFound("You are not subscribed to " + what + ".");
        }
        return Response.noContent().build();
    }
}
