package io.signalbox.deprecation.subscription;

import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks a webhook address when a subscription is saved: an absolute http(s) URL without user information, at most
 * 2000 characters. The notification feature checks the address's network (no private, loopback or link-local
 * targets) again at send time.
 */
@ApplicationScoped
public class WebhookTargetCheck {

    /** @throws Refusal.Invalid naming {@code field} when the address is unusable, saying what to send instead */
    public void refuseUnsafe(String url, String field) {
        URI uri;
        try {
            uri = SubscriptionService.parse(url);
        } catch (URISyntaxException e) {
            throw Refusal.invalid("The subscription is not valid", field, "is not a URL: " + e.getReason());
        }
        if (url.length() > 2000
                || uri.getScheme() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw Refusal.invalid(
                    "The subscription is not valid",
                    field,
                    "must be an absolute https URL such as https://hooks.example.com/signalbox, without user name or "
                            + "password, at most 2000 characters");
        }
    }
}
