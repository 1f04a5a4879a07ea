package io.signalbox.deprecation.subscription;

import io.signalbox.web.FormTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The subscribe button of a domain's page: a form post, answered like {@link SubscriptionPages}' changes. */
@Path("/domains/{key}/subscription")
@Produces(MediaType.TEXT_HTML)
public class DomainSubscriptionPages {

    @Inject
    SubscriptionPages pages;

    @Inject
    FormTokens formTokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(
            @PathParam("key") String key,
            @FormParam("channel") List<String> channels,
            @FormParam("webhookUrl") String webhookUrl,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        return pages.save(Subscription.DOMAIN, key, channels, webhookUrl);
    }
}
