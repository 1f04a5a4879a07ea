package io.signalbox.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.signalbox.notification.Channel;
import io.signalbox.notification.ChannelSender.DeliveryFailed;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook channel against a real HTTP server on the loopback interface (com.sun.net.httpserver): what arrives,
 * its signature recomputed here from the documented scheme, how answers are classified, and the timeout. The sender is
 * built with the operator's "allow private targets" and "allow http" settings on, which a loopback receiver needs; the
 * production settings (both off, 10 s) are proven on the CDI bean by {@link WebhookWiringTest}.
 */
class WebhookSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T14:05:07Z");
    private static final String SECRET = "whsec-test-3f1c9a";

    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private String url;

    record Received(String method, Headers headers, byte[] body) {}

    @BeforeEach
    void aReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
            int answer = status.get();
            if (answer >= 300 && answer < 400) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            received.add(new Received("REDIRECTED", exchange.getRequestHeaders(), new byte[0]));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/silent", exchange -> {
            // Accepts the request and never answers until the test is over: a hanging receiver.
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopTheReceiver() {
        released.countDown();
        server.stop(0);
    }

    private WebhookSender sender(Duration timeout) {
        return new WebhookSender(
                new WebhookTargets(true, true, InetAddress::getAllByName),
                timeout,
                json,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DeliveryRecord row(long id, String target) {
        return new DeliveryRecord(
                id, "deprecation", 12, 34, "t-30", Channel.WEBHOOK, target, NOW, "pending", 0, null, null, null, null);
    }

    private static Message message(String secret) {
        return new Message(
                "network-events stops on 2027-03-01",
                "Use network-events-v2.",
                URI.create("https://signalbox.example/products/network-events"),
                Map.of("event", "deprecation.t-30", "product", "network-events", "daysLeft", 30),
                secret,
                true);
    }

    /** The documented scheme, written out here rather than calling the sender's own code. */
    private static String expectedSignature(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed));
    }

    @Test
    void theReceiverGetsTheSignedPayloadWithTheDeliveryIdOnEveryResend() throws Exception {
        WebhookSender sender = sender(Duration.ofSeconds(10));
        sender.send(row(4242, url + "/hook"), message(SECRET));
        sender.send(row(4242, url + "/hook"), message(SECRET)); // a resend of the same row

        assertThat(received).hasSize(2);
        Received first = received.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(first.headers().getFirst("X-Signalbox-Delivery")).isEqualTo("4242");
        assertThat(first.headers().getFirst("X-Signalbox-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(first.headers().getFirst("X-Signalbox-Signature"))
                .isEqualTo(expectedSignature(first.headers().getFirst("X-Signalbox-Timestamp"), first.body()));
        JsonNode body = json.readTree(first.body());
        assertThat(body.get("event").asText()).isEqualTo("deprecation.t-30");
        assertThat(body.get("daysLeft").asInt()).isEqualTo(30);
        assertThat(received.get(1).headers().getFirst("X-Signalbox-Delivery"))
                .as("the same delivery id, so the receiver can drop the duplicate")
                .isEqualTo("4242");

        assertThat(first.headers().getFirst("X-Signalbox-Signature"))
                .as("another secret gives another signature")
                .isNotEqualTo(
                        "sha256=" + WebhookSender.signature("another-secret", NOW.getEpochSecond(), first.body()));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void a2xxAnswerIsDelivered(int answer) throws Exception {
        status.set(answer);
        sender(Duration.ofSeconds(10)).send(row(1, url + "/hook"), message(SECRET));
        assertThat(received).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void timeoutsThrottlingAndServerErrorsAreRetried(int answer) {
        status.set(answer);
        DeliveryFailed failed = catchThrowableOfType(
                DeliveryFailed.class,
                () -> sender(Duration.ofSeconds(10)).send(row(1, url + "/hook"), message(SECRET)));
        assertThat(failed).isNotNull();
        assertThat(failed.permanent()).isFalse();
        assertThat(failed.getMessage()).contains(Integer.toString(answer));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422})
    void otherClientErrorsArePermanent(int answer) {
        status.set(answer);
        DeliveryFailed failed = catchThrowableOfType(
                DeliveryFailed.class,
                () -> sender(Duration.ofSeconds(10)).send(row(1, url + "/hook"), message(SECRET)));
        assertThat(failed).isNotNull();
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.getMessage()).contains(Integer.toString(answer));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectsAreNotFollowedAndFailPermanently(int answer) {
        status.set(answer);
        DeliveryFailed failed = catchThrowableOfType(
                DeliveryFailed.class,
                () -> sender(Duration.ofSeconds(10)).send(row(1, url + "/hook"), message(SECRET)));
        assertThat(failed.permanent()).isTrue();
        assertThat(received).extracting(Received::method).containsExactly("POST");
    }

    @Test
    void aReceiverThatNeverAnswersIsAbandonedWithinTheTimeoutAndRetried() {
        Duration timeout = Duration.ofMillis(400);
        long started = System.nanoTime();
        DeliveryFailed failed = catchThrowableOfType(
                DeliveryFailed.class, () -> sender(timeout).send(row(1, url + "/silent"), message(SECRET)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failed).isNotNull();
        assertThat(failed.permanent()).isFalse();
        assertThat(failed.getMessage()).contains("did not answer within 400 ms");
        assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(Duration.ofSeconds(5));
        assertThat(WebhookSender.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aReceiverThatIsDownIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DeliveryFailed failed = catchThrowableOfType(
                DeliveryFailed.class,
                () -> sender(Duration.ofSeconds(10))
                        .send(row(1, "http://127.0.0.1:" + closedPort + "/hook"), message(SECRET)));
        assertThat(failed).isNotNull();
        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void theTargetIsCheckedAgainAtSendTime() {
        // Saved when the name resolved to a public address; it resolves to the portal's own network now.
        WebhookSender strict = new WebhookSender(
                new WebhookTargets(true, false, host -> new InetAddress[] {InetAddress.getLoopbackAddress()}),
                Duration.ofSeconds(10),
                json,
                Clock.fixed(NOW, ZoneOffset.UTC));
        DeliveryFailed failed = catchThrowableOfType(
                DeliveryFailed.class,
                () -> strict.send(
                        row(1, "http://hooks.example.com:" + server.getAddress().getPort() + "/hook"),
                        message(SECRET)));
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.getMessage()).contains("a loopback address");
        assertThat(received).as("nothing was sent").isEmpty();

        WebhookSender unresolvable = new WebhookSender(
                new WebhookTargets(true, false, host -> {
                    throw new java.net.UnknownHostException(host);
                }),
                Duration.ofSeconds(10),
                json,
                Clock.fixed(NOW, ZoneOffset.UTC));
        DeliveryFailed later = catchThrowableOfType(
                DeliveryFailed.class,
                () -> unresolvable.send(row(1, "https://hooks.example.com/hook"), message(SECRET)));
        assertThat(later.permanent()).as("DNS may answer again later").isFalse();
    }

    @Test
    void aMessageWithoutASecretIsNotSentUnsigned() {
        DeliveryFailed failed = catchThrowableOfType(
                DeliveryFailed.class, () -> sender(Duration.ofSeconds(10)).send(row(1, url + "/hook"), message(null)));
        assertThat(failed.permanent()).isTrue();
        assertThat(received).isEmpty();
    }
}
