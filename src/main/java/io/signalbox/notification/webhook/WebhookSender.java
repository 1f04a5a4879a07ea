package io.signalbox.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.notification.Channel;
import io.signalbox.notification.ChannelSender;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers {@link Channel#WEBHOOK} rows: POSTs the message's JSON payload to the row's URL, signed with the
 * subscription's secret (docs/webhooks.md). The target is checked again right before each call
 * ({@link WebhookTargets}); redirects are not followed; a call gives up after the timeout (10 s by default) to connect
 * and to answer. A 2xx answer is delivered; 408, 429, 5xx, timeouts and network failures are retried by the
 * worker; any other answer, and a target that is no longer allowed, fails permanently.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    /** The production timeout, to connect and then to answer ({@code signalbox.notification.webhook.timeout}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static final String DELIVERY_HEADER = "X-Signalbox-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Signalbox-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Signalbox-Signature";

    private final WebhookTargets targets;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient client;

    @Inject
    public WebhookSender(WebhookTargets targets, WebhookConfig config, ObjectMapper json, Clock clock) {
        this(targets, config.timeout(), json, clock);
    }

    /** A sender with its own timeout (tests use a short one; the operator's comes through the other constructor). */
    public WebhookSender(WebhookTargets targets, Duration timeout, ObjectMapper json, Clock clock) {
        this.targets = targets;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Straight to the checked host: a proxy would connect somewhere the target check never saw.
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /** The timeout this sender gives up after, to connect and then to answer. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(DeliveryRecord delivery, Message message) throws DeliveryFailed {
        if (message.webhookSecret() == null || message.webhookSecret().isEmpty()) {
            throw new DeliveryFailed("the subscription has no webhook secret to sign with", true, null);
        }
        WebhookTargets.Verdict verdict = targets.inspect(delivery.target());
        if (verdict instanceof WebhookTargets.Unsafe unsafe) {
            throw new DeliveryFailed("the webhook URL " + unsafe.problem(), true, null);
        }
        if (verdict instanceof WebhookTargets.Unresolvable unresolvable) {
            throw new DeliveryFailed("the webhook URL " + unresolvable.problem(), false, null);
        }
        WebhookTargets.Safe target = (WebhookTargets.Safe) verdict;

        byte[] body = body(message.payload());
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Signalbox-Webhook/1")
                .header(DELIVERY_HEADER, Long.toString(delivery.id()))
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, "sha256=" + signature(message.webhookSecret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        classify(call(request));
    }

    /**
     * The value of {@value #SIGNATURE_HEADER} after {@code sha256=}: lower-case hex of HMAC-SHA256, keyed with the
     * secret's UTF-8 bytes, over the bytes of {@code "{timestamp}.{body}"}.
     */
    public static String signature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] body(Map<String, Object> payload) throws DeliveryFailed {
        try {
            return json.writeValueAsBytes(payload == null ? Map.of() : payload);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailed(
                    "the webhook payload cannot be written as JSON: " + e.getOriginalMessage(), true, e);
        }
    }

    /**
     * Sends and waits at most the timeout in all (the client's own connect and answer timeouts are the same), so that
     * a receiver that accepts the connection and never answers, or trickles its headers, cannot hold a worker; the
     * answer's body is discarded.
     */
    private int call(HttpRequest request) throws DeliveryFailed {
        CompletableFuture<HttpResponse<Void>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new DeliveryFailed("the receiver did not answer within " + timeout.toMillis() + " ms", false, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("the call was interrupted (the portal is stopping)", false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof HttpConnectTimeoutException
                    ? "the receiver did not accept the connection within " + timeout.toMillis() + " ms"
                    : cause instanceof HttpTimeoutException
                            ? "the receiver did not answer within " + timeout.toMillis() + " ms"
                            : "the call failed: " + cause;
            // Connection refused or reset, TLS failures, timeouts: the receiver may be back later.
            throw new DeliveryFailed(what, false, cause);
        }
    }

    /** 2xx delivered; 408, 429 and 5xx retried; other answers (3xx not followed, 4xx) will not change by retrying. */
    private static void classify(int status) throws DeliveryFailed {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new DeliveryFailed("the receiver answered " + status + "; retrying later", false, null);
        }
        if (status >= 300 && status < 400) {
            throw new DeliveryFailed(
                    "the receiver answered " + status + " (a redirect, which is not followed); subscribe with the"
                            + " URL it redirects to",
                    true,
                    null);
        }
        throw new DeliveryFailed(
                "the receiver answered " + status + ", refusing the call; check the URL and the secret", true, null);
    }
}
