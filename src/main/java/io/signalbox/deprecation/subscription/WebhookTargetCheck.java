package io.signalbox.deprecation.subscription;

import io.signalbox.notification.webhook.WebhookTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a webhook address when a subscription is saved, with the notification feature's rules
 * ({@link WebhookTargets}: an absolute https URL without user information, resolving only to public addresses unless
 * the operator allows private ones); the address is checked again at every send.
 */
@ApplicationScoped
public class WebhookTargetCheck {

    @Inject
    WebhookTargets targets;

    /** @throws io.signalbox.web.Refusal.Invalid naming {@code field} when the address is unusable, saying why */
    public void refuseUnsafe(String url, String field) {
        targets.refuseUnsafe(url, field);
    }
}
