package io.signalbox.deprecation.subscription;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.deprecation.subscription.SubscriptionApi.SubscriptionView;
import io.signalbox.identity.Caller;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * "My subscriptions" and the subscribe buttons of product and domain pages, as forms that work without JavaScript:
 * subscribing and changing channels follow Post/Redirect/Get, except when a webhook was just added, whose signing
 * secret is shown once on the answer itself (never in an address).
 */
@Path("/me/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    /** What the page says after a change; {@code secret} only right after a webhook was added. */
    public record Outcome(String message, boolean error, String secret, List<FieldProblem> problems) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subscriptions(
                List<SubscriptionView> rows, String next, boolean hasEmail, Outcome outcome);
    }

    @GET
    public TemplateInstance page(
            @QueryParam("after") String after,
            @QueryParam("saved") String saved,
            @QueryParam("removed") String removed) {
        Outcome outcome = saved != null
                ? new Outcome("Subscribed to " + saved + ".", false, null, List.of())
                : removed != null ? new Outcome("Unsubscribed from " + removed + ".", false, null, List.of()) : null;
        return render(after, outcome);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(
            @PathParam("id") long id,
            @FormParam("channel") List<String> channels,
            @FormParam("webhookUrl") String webhookUrl,
            @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        Subscription s = subscriptions.mineById(id, caller);
        return save(s.scope, s.scopeKey, channels, webhookUrl);
    }

    @POST
    @Path("/{id}/deletion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        Subscription s = subscriptions.mineById(id, caller);
        subscriptions.unsubscribe(s.scope, s.scopeKey, caller);
        return Response.seeOther(URI.create("/me/subscriptions?removed=" + encode(s.scope + " " + s.scopeKey)))
                .build();
    }

    Response save(String scope, String key, List<String> channels, String webhookUrl) {
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl;
        List<String> chosen = channels == null || channels.isEmpty() ? List.of("email", "inbox") : channels;
        try {
            SubscriptionService.Saved saved =
                    subscriptions.subscribe(scope, key, new SubscriptionRequest(chosen, url), caller);
            if (saved.newWebhookSecret() != null) {
                return Response.ok(render(
                                null,
                                new Outcome(
                                        "Subscribed to " + scope + " " + key
                                                + ". Keep the webhook's signing secret now: it "
                                                + "is not shown again.",
                                        false,
                                        saved.newWebhookSecret(),
                                        List.of())))
                        .build();
            }
        } catch (Refusal.Invalid refused) {
            return Response.status(422)
                    .entity(render(
                            null, new Outcome("The subscription was not saved.", true, null, refused.problems())))
                    .build();
        }
        return Response.seeOther(URI.create("/me/subscriptions?saved=" + encode(scope + " " + key)))
                .build();
    }

    private TemplateInstance render(String after, Outcome outcome) {
        PageRequest request =
                Paging.request(after, null, SubscriptionApi.DEFAULT_SIZE, SubscriptionApi.DEFAULT_SIZE, 1);
        Page<SubscriptionView> page = Paging.page(
                subscriptions.mine(caller, request).stream()
                        .map(s -> SubscriptionView.of(s, null))
                        .toList(),
                request,
                s -> List.of(Long.toString(s.id())),
                "/me/subscriptions",
                Map.of());
        return Templates.subscriptions(page.items(), page.next(), caller.email().isPresent(), outcome);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
