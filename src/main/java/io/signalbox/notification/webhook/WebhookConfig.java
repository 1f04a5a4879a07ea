package io.signalbox.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The operator's settings for webhook calls (docs/webhooks.md), under {@code signalbox.notification.webhook}. */
@ConfigMapping(prefix = "signalbox.notification.webhook")
public interface WebhookConfig {

    /** Whether plain {@code http://} targets are accepted; off by default, so bodies and signatures travel over TLS. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Whether targets on the portal's own network (loopback, private, link-local, CGNAT, unique-local) are accepted;
     * off by default so that a subscription cannot make the portal call its own infrastructure. The cloud metadata
     * addresses stay refused even when this is on.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How long a call may take to connect, and then to answer, before it is abandoned and retried later. */
    @WithDefault("10S")
    Duration timeout();
}
