package io.signalbox.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One portal instance in a JVM of its own: the production artefact ({@link #APPLICATION}, which has no launcher)
 * started as an operator would, with every setting given as a system property. Integration tests that need several replicas
 * against one PostgreSQL (see {@link TwoPortals}, docs/two-portals.md) start one per replica.
 *
 * <p>Each instance has its own free HTTP port, its own working directory {@code target/portals/<name>/} (its search
 * index lives there) and its own log, {@code target/portals/<name>.log}, kept after the run for diagnosis.
 */
public final class PortalProcess implements AutoCloseable {

    /**
     * The production artefact ({@code ./mvnw -Dproduction package}, Quarkus fast-jar without the launcher), relative
     * to the project directory: replicas run what ships. The verify build makes it before the integration tests.
     */
    public static final Path APPLICATION = Path.of("target", "production", "quarkus-app", "quarkus-run.jar");

    private static final Path PORTALS = Path.of("target", "portals");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Thread stopOnExit;

    private PortalProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        // A test run killed half-way (Ctrl-C, a timeout) must not leave a portal polling the next run's database.
        this.stopOnExit = new Thread(this::stop, "stop-portal-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts an instance and returns at once; {@link #awaitReady(Duration)} waits for it.
     *
     * @param name a short name for directories, logs and messages, such as {@code portal-one}
     * @param settings Quarkus and Signalbox settings ({@code quarkus.datasource.jdbc.url}, ...), passed as system
     *     properties; {@code quarkus.http.port} and {@code signalbox.search.index-dir} are this class's own
     * @throws IllegalStateException when the application has not been packaged
     */
    public static PortalProcess start(String name, Map<String, String> settings) {
        Path application = APPLICATION.toAbsolutePath();
        if (!Files.isRegularFile(application)) {
            throw new IllegalStateException(application + " is missing: integration tests run the production artefact."
                    + " Run them with ./mvnw verify (which builds it first), not ./mvnw test.");
        }
        try {
            Path home = PORTALS.resolve(name).toAbsolutePath();
            deleteRecursively(home);
            Files.createDirectories(home);
            Path log = PORTALS.resolve(name + ".log").toAbsolutePath();
            int port = freePort();
            Map<String, String> properties = new TreeMap<>(settings);
            properties.put("quarkus.http.port", String.valueOf(port));
            properties.put("signalbox.search.index-dir", home.resolve("search").toString());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // The README's options, so the launcher does not warn; C1 only, as the instance lives for seconds and
            // the machine's cores are shared with the test and the other instance.
            command.add("-Xmx512m");
            command.add("-XX:+ExitOnOutOfMemoryError");
            command.add("-XX:TieredStopAtLevel=1");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(application.toString());
            Process process = new ProcessBuilder(command)
                    // its own directory: the launcher reads .env and config/application.properties from there
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new PortalProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * Waits until the instance answers {@code /q/health/ready} with 200 (database migrated and reachable, search index
     * built).
     *
     * @throws IllegalStateException when the process exits first, with the end of its log
     * @throws org.awaitility.core.ConditionTimeoutException when it is not ready within {@code timeout}
     */
    public PortalProcess awaitReady(Duration timeout) {
        HttpRequest readiness = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + " while starting; the end of " + log + ":\n" + logTail(40));
                    }
                    return HTTP.send(readiness, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
        return this;
    }

    /** The instance's address, such as {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** The instance's log (standard output and error), kept under {@code target/portals/} after the run. */
    public Path log() {
        return log;
    }

    /** The log so far, for assertions on what this instance did. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the process still runs. */
    public boolean running() {
        return process.isAlive();
    }

    /**
     * Stops the instance as an operator would (SIGTERM: Quarkus shuts down gracefully), forcibly after 20 s. Does
     * nothing when it has stopped already.
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs (or ran) stop() itself
        }
    }

    private String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** A port free now; the instance binds it a moment later (a clash fails its start loudly, never silently). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory and everything in it; nothing when it does not exist. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + directory, e);
        }
    }
}
