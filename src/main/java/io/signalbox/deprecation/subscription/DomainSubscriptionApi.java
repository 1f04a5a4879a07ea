package io.signalbox.deprecation.subscription;

import io.signalbox.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's subscription to a domain's deprecation notices: {@code POST} subscribes or changes the channels
 * (201 when new, 200 when changed; body {@link SubscriptionRequest}, empty for email and inbox), {@code DELETE} ends
 * it (204; 404 when there was none).
 */
@Path("/api/domains/{key}/subscription")
@Produces(MediaType.APPLICATION_JSON)
public class DomainSubscriptionApi {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@PathParam("key") String key, SubscriptionRequest request) {
        return SubscriptionApi.saved(subscriptions.subscribe(Subscription.DOMAIN, key, request, caller));
    }

    @DELETE
    public Response unsubscribe(@PathParam("key") String key) {
        return SubscriptionApi.removed(subscriptions.unsubscribe(Subscription.DOMAIN, key, caller), "domain " + key);
    }
}
