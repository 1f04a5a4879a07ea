package io.signalbox.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server for local runs: GreenMail standalone, which the build copies to
 * {@code target/greenmail/greenmail-standalone.jar}, started beside the portal on loopback ports. It accepts every
 * mail and keeps it in memory; what was sent is read through its REST API (for example
 * {@code curl http://127.0.0.1:8025/api/user/rita@example.com/messages/INBOX}) or by IMAP (any password). Production
 * never uses it: it sends through the server named by {@code QUARKUS_MAILER_HOST}.
 */
public final class LocalMailServer implements AutoCloseable {

    /** Where the build puts the server. */
    public static final String JAR = "greenmail/greenmail-standalone.jar";

    private final Process process;
    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;

    private LocalMailServer(Process process, int smtpPort, int imapPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
    }

    /** Whether the operator named an SMTP server of their own. */
    public static boolean externalServerConfigured() {
        return OperatorSettings.isSet("quarkus.mailer.host");
    }

    /** The GreenMail standalone jar under the given build directory, if the build has copied it there. */
    public static Optional<Path> jarUnder(Path buildDirectory) {
        Path jar = buildDirectory.resolve(JAR);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * Starts GreenMail in the background and returns at once (the delivery worker retries until it answers).
     *
     * @param smtpPort where the portal sends (loopback only)
     * @param imapPort where a mail client reads what was sent
     * @param apiPort GreenMail's REST API and its Swagger page
     */
    public static LocalMailServer start(Path jar, int smtpPort, int imapPort, int apiPort, Path logFile) {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=127.0.0.1",
                "-Dgreenmail.imap.port=" + imapPort,
                // a local inbox to look into, not a mail service: any login reads the mails sent to it
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-jar",
                jar.toString());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            LocalMailServer server = new LocalMailServer(process, smtpPort, imapPort, apiPort);
            // Ctrl-C or SIGTERM may end the JVM before the launcher's own close runs: never leave GreenMail behind.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "greenmail-stopper"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start GreenMail from " + jar, e);
        }
    }

    /** Whether something already listens on this loopback port (a GreenMail left by an earlier run, or another's). */
    public static boolean listening(int port) {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    /**
     * The mailer settings that point the portal at this server: plain SMTP on loopback (GreenMail's STARTTLS would
     * offer a certificate nobody trusts).
     */
    public Map<String, String> mailerProperties() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtpPort),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    /** Where people look at what was sent: the REST API's base address. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort + "/api";
    }

    /** Where a mail client reads what was sent (IMAP, loopback; login: the recipient's address, any password). */
    public int imapPort() {
        return imapPort;
    }

    /** Waits until GreenMail says it is running; for tests of the launcher. */
    public void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(apiUrl() + "/service/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("GreenMail stopped while starting (exit " + process.exitValue() + ")");
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for GreenMail", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for GreenMail", e);
            }
        }
        throw new IllegalStateException("GreenMail did not answer within " + timeout);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
