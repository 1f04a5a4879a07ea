package io.signalbox.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.notification.Channel;
import io.signalbox.notification.ChannelSender;
import io.signalbox.notification.ChannelSender.DeliveryFailed;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.web.Refusal;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The webhook channel as the application runs it, with the production settings: a 10 s timeout, https only, private
 * targets refused, both when a subscription is saved and when the worker sends (a loopback receiver gets nothing).
 */
@QuarkusTest
class WebhookWiringTest {

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    WebhookSender webhooks;

    @Inject
    WebhookTargets targets;

    @Test
    void theWorkerFindsOneSenderForTheWebhookAndTheInboxChannels() {
        assertThat(senders.stream().filter(s -> s.channel() == Channel.WEBHOOK)).hasSize(1);
        assertThat(senders.stream().filter(s -> s.channel() == Channel.INBOX)).hasSize(1);
    }

    @Test
    void theProductionTimeoutIsTenSeconds() {
        assertThat(webhooks.timeout()).isEqualTo(Duration.ofSeconds(10)).isEqualTo(WebhookSender.DEFAULT_TIMEOUT);
    }

    @Test
    void privateAndPlainHttpTargetsAreRefusedWhenSavedAndWhenSent() throws Exception {
        Refusal.Invalid refused = catchThrowableOfType(
                Refusal.Invalid.class, () -> targets.refuseUnsafe("https://127.0.0.1/hook", "webhookUrl"));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("webhookUrl");
            assertThat(problem.message()).contains("a loopback address");
        });
        assertThat(catchThrowableOfType(
                                Refusal.Invalid.class,
                                () -> targets.refuseUnsafe("http://93.184.216.34/hook", "webhookUrl"))
                        .problems()
                        .get(0)
                        .message())
                .startsWith("must start with https://");

        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            for (String target : new String[] {
                "https://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"
            }) {
                DeliveryFailed failed = catchThrowableOfType(
                        DeliveryFailed.class,
                        () -> webhooks.send(
                                new DeliveryRecord(
                                        1,
                                        "deprecation",
                                        1,
                                        1,
                                        "issued",
                                        Channel.WEBHOOK,
                                        target,
                                        Instant.now(),
                                        "pending",
                                        0,
                                        null,
                                        null,
                                        null,
                                        null),
                                new Message("s", "t", URI.create("https://x.example"), Map.of(), "secret", true)));
                assertThat(failed).as(target).isNotNull();
                assertThat(failed.permanent()).isTrue();
            }
        } finally {
            receiver.stop(0);
        }
        assertThat(calls).as("the loopback receiver was never called").hasValue(0);
    }
}
