package io.signalbox.bench.measure;

import io.signalbox.bench.Arguments;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code measure}: runs the measurements of docs/performance.md against a running portal, in an order where none
 * disturbs the next: the rebuild first (the index everything else searches), then query time on a quiet server, then
 * publications (on one replica, then, when a second portal is given, alternating between two replicas and searched
 * for on the other), then the load tests, then the heap, then PostgreSQL's full-text search beside an idle portal, then
 * the domain map, readiness evidence for the largest domains, then deprecation notices to 5 000 subscribers and
 * their delivery by email (it waits until the worker has sent what it caused), then the readiness phase (it grows the
 * mesh to 500 domains with twenty assessments each and measures the council's heatmap, its CSV, a domain page and the
 * domain map), and the route sweep last (at 100 000 products some routes exhaust the portal's heap, which must not
 * spoil the others).
 * A measurement that fails is reported as not measured; the others still run.
 */
public final class MeasureCommand {

    private static final List<String> PHASES = List.of(
            "rebuild",
            "query",
            "publish",
            "replicas",
            "page",
            "fixed-rate",
            "heap",
            "postgres",
            "map",
            "evidence",
            "deprecation",
            "readiness",
            "sweep");

    private MeasureCommand() {}

    /** One measurement; its result goes into the report under its name. */
    private interface Phase {
        Object run() throws Exception;
    }

    public static void run(Arguments arguments) throws Exception {
        URI portalUrl = URI.create(arguments.text("portal", "http://127.0.0.1:8080"));
        URI realm = URI.create(arguments.text("keycloak", "http://127.0.0.1:8180/realms/signalbox"));
        String clientId = arguments.text("client-id", "signalbox-portal");
        String clientSecret =
                arguments.text("client-secret", "signalbox-local-demo-secret-not-for-production-0123456789");
        Tokens.Person admin = Tokens.Person.parse(arguments.text("admin", "adam.admin:admin"));
        Tokens.Person owner = Tokens.Person.parse(arguments.text("owner", "nora.network:network"));
        Tokens.Person reader = Tokens.Person.parse(arguments.text("reader", "rita.reader:reader"));
        Path portalClasses = arguments.path("portal-classes", "../target/classes");
        int sweepRepetitions = arguments.integer("sweep-repetitions", 10);
        Set<String> sweepExcluded = Arrays.stream(
                        arguments.text("sweep-exclude", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        Duration sweepTimeout = Duration.ofSeconds(arguments.integer("sweep-timeout-seconds", 60));
        String ownedDomain = arguments.text("owned-domain", "network");
        String jdbcUrl = arguments.text("jdbc-url", null);
        String dbUser = arguments.text("db-user", "postgres");
        String dbPassword = arguments.text("db-password", "postgres");
        String pid = arguments.text("portal-pid", null);
        long seed = arguments.number("seed", 42);
        int perKind = arguments.integer("queries-per-kind", 50);
        int rounds = arguments.integer("rounds", 10);
        int warmupRounds = arguments.integer("warmup-rounds", 3);
        int publications = arguments.integer("publications", 200);
        int publishWarmups = arguments.integer("publish-warmups", 10);
        String secondPortalText = arguments.text("second-portal", null);
        URI secondPortalUrl = secondPortalText == null ? null : URI.create(secondPortalText);
        int replicaPublications = arguments.integer("replica-publications", 200);
        int replicaWarmups = arguments.integer("replica-warmups", 10);
        Duration replicaInterval = Duration.ofMillis(arguments.integer("replica-interval-millis", 250));
        int rate = arguments.integer("rate", 500);
        int fixedRateSeconds = arguments.integer("fixed-rate-seconds", 60);
        int senders = arguments.integer("senders", 64);
        int wrkSeconds = arguments.integer("wrk-seconds", 30);
        int wrkWarmupSeconds = arguments.integer("wrk-warmup-seconds", 10);
        int wrkThreads = arguments.integer("wrk-threads", 2);
        int wrkConnections = arguments.integer("wrk-connections", 16);
        Path wrkScript = arguments.path("wrk-script", "wrk/report.lua");
        Duration rebuildTimeout = Duration.ofSeconds(arguments.integer("rebuild-timeout-seconds", 900));
        String timestamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path resultsFile = arguments.path("results", "results/" + timestamp + ".json");
        Path generation = arguments.path("generation", null);
        int deprecationSubscribers = arguments.integer("deprecation-subscribers", 5000);
        int deprecationSamples = arguments.integer("deprecation-samples", 5);
        int deprecationWarmups = arguments.integer("deprecation-warmups", 1);
        Duration deprecationTimeout = Duration.ofSeconds(arguments.integer("deprecation-timeout-seconds", 600));
        int readinessDomains = arguments.integer("readiness-domains", 500);
        int readinessAssessments = arguments.integer("readiness-assessments", 20);
        int readinessProducts = arguments.integer("readiness-products", 2);
        int readinessSamples = arguments.integer("readiness-samples", 200);
        String mailApiText = arguments.text("mail-api", null);
        URI mailApi = mailApiText == null ? null : URI.create(mailApiText.replaceAll("/+$", ""));
        Set<String> skipped = Arrays.stream(arguments.text("skip", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        arguments.refuseUnread();
        for (String phase : skipped) {
            if (!PHASES.contains(phase)) {
                throw new IllegalArgumentException("--skip knows " + String.join(", ", PHASES) + "; not " + phase);
            }
        }

        Report report = new Report();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", Instant.now().toString());
        run.put("portal", portalUrl.toString());
        if (secondPortalUrl != null) {
            run.put("secondPortal", secondPortalUrl.toString());
        }
        run.put("seed", seed);
        run.put("skipped", skipped);
        report.put("run", run);
        report.put("machine", Machine.describe());
        if (generation != null) {
            report.put("generation", Portal.JSON.readValue(generation.toFile(), Map.class));
        }
        Map<String, Object> catalog = jdbcUrl == null ? Map.of() : catalogSize(jdbcUrl, dbUser, dbPassword);
        report.put("catalog", catalog);
        long products = catalog.get("products") instanceof Long n ? n : 0;

        Portal portal = new Portal(portalUrl);
        Tokens tokens = new Tokens(realm, clientId, clientSecret, portal.http());
        tokens.awaitProvider(Duration.ofMinutes(3));
        QuerySet queries = QuerySet.generate(seed, (int) Math.max(1, products), perKind);
        List<String> pagePaths =
                queries.all().stream().map(QuerySet.Query::pagePath).toList();
        HeapUsage heap = pid == null || skipped.contains("heap") ? null : new HeapUsage(Long.parseLong(pid));
        if (heap != null && !heap.start()) {
            report.put("heap", Map.of("error", "jstat could not watch process " + pid));
            heap = null;
        }
        try {
            phase(
                    report,
                    skipped,
                    "rebuild",
                    () -> new RebuildTime(portal, () -> tokens.accessToken(admin), rebuildTimeout).measure(products));
            phase(
                    report,
                    skipped,
                    "query",
                    () -> new QueryLatency(portal, tokens.accessToken(admin), queries)
                            .measure(warmupRounds, rounds, seed));
            phase(
                    report,
                    skipped,
                    "publish",
                    () -> new PublishLatency(portal, tokens, owner, ownedDomain).measure(publishWarmups, publications));
            if (secondPortalUrl != null) {
                // Issue 15: publications alternate between the two replicas, each searched for on the other.
                phase(
                        report,
                        skipped,
                        "replicas",
                        () -> new ReplicaLatency(portal, new Portal(secondPortalUrl), tokens, owner, ownedDomain)
                                .measure(replicaWarmups, replicaPublications, replicaInterval));
            }
            phase(report, skipped, "page", () -> {
                if (!PageThroughput.wrkInstalled()) {
                    throw new IllegalStateException("wrk is not installed (apt-get install wrk)");
                }
                PageThroughput wrk = new PageThroughput(wrkScript.toAbsolutePath(), wrkThreads, wrkConnections);
                Map<String, Object> pages = new LinkedHashMap<>();
                String base = portalUrl.toString().replaceAll("/+$", "");
                pages.put(
                        "static",
                        wrk.measure(
                                base + "/ui/signalbox.css",
                                List.of(),
                                tokens.accessToken(admin),
                                wrkWarmupSeconds,
                                wrkSeconds));
                pages.put(
                        "search",
                        wrk.measure(base, pagePaths, tokens.accessToken(admin), wrkWarmupSeconds, wrkSeconds));
                // The same pages with every answer searched afresh: what the cache saves, and the figure for a query
                // mix the cache does not hold.
                pages.put(
                        "searchUncached",
                        wrk.measure(
                                base,
                                pagePaths,
                                tokens.accessToken(admin),
                                List.of("Cache-Control: no-cache"),
                                wrkWarmupSeconds,
                                wrkSeconds));
                return pages;
            });
            phase(
                    report,
                    skipped,
                    "fixedRate",
                    () -> new FixedRateLoad(portal, senders)
                            .measure(pagePaths, tokens.accessToken(admin), rate, 10, fixedRateSeconds));
            if (heap != null) {
                phase(report, skipped, "heap", heap::measure);
            }
            if (jdbcUrl != null) {
                phase(report, skipped, "postgres", () -> {
                    try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
                        return new PostgresFullText(connection, queries).measure(warmupRounds, rounds, seed);
                    }
                });
            }
            phase(
                    report,
                    skipped,
                    "map",
                    () -> new DomainMapLatency(
                                    portal,
                                    tokens.accessToken(reader),
                                    SignedInBrowser.signIn(portalUrl, reader, "/domains/map"),
                                    rounds * 3)
                            .measure());
            phase(report, skipped, "evidence", () -> {
                if (jdbcUrl == null) {
                    throw new IllegalStateException("the evidence phase needs --jdbc-url to find the largest domains");
                }
                try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
                    return new EvidenceLatency(portal, tokens.accessToken(reader)).measure(connection, 5, 50);
                }
            });
            // Before the sweep, which it leaves a portal with nothing left to send.
            phase(report, skipped, "deprecation", () -> {
                if (jdbcUrl == null) {
                    throw new IllegalStateException("the deprecation phase needs --jdbc-url for its subscribers");
                }
                try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
                    return new DeprecationNotices(
                                    portal,
                                    tokens,
                                    owner,
                                    ownedDomain,
                                    connection,
                                    mailApi,
                                    deprecationSubscribers,
                                    deprecationWarmups,
                                    deprecationSamples,
                                    deprecationTimeout)
                            .measure();
                }
            });
            // Grows the mesh to 500 domains; before the sweep, which then also walks them.
            phase(report, skipped, "readiness", () -> {
                if (jdbcUrl == null) {
                    throw new IllegalStateException("the readiness phase needs --jdbc-url to write its domains");
                }
                try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
                    // A domain owner: the CSV export is for the council and domain owners.
                    return new ReadinessAtScale(
                                    portal,
                                    tokens.accessToken(owner),
                                    connection,
                                    readinessDomains,
                                    readinessAssessments,
                                    readinessProducts,
                                    readinessSamples,
                                    seed)
                            .measure();
                }
            });
            phase(report, skipped, "sweep", () -> {
                List<Routes.Route> routes = Routes.discover(portalClasses);
                System.out.println("   " + routes.size() + " GET routes in " + portalClasses);
                if (jdbcUrl == null) {
                    throw new IllegalStateException("the sweep needs --jdbc-url for the catalog's keys");
                }
                CatalogKeys keys;
                try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
                    keys = CatalogKeys.read(connection);
                }
                System.out.println("   keys: " + keys.describe());
                List<RouteSweep.Person> people = new ArrayList<>();
                for (Tokens.Person person : List.of(reader, admin)) {
                    people.add(new RouteSweep.Person(
                            person.username(),
                            () -> tokens.accessToken(person),
                            SignedInBrowser.signIn(portalUrl, person, "/")));
                }
                Map<String, Object> sweep = new RouteSweep(portal, people, sweepRepetitions, sweepTimeout)
                        .measure(routes, keys, pid == null ? null : Long.parseLong(pid), sweepExcluded);
                return sweep;
            });
        } finally {
            if (heap != null) {
                heap.close();
            }
        }
        run.put("finishedAt", Instant.now().toString());
        report.write(resultsFile);
        System.out.println();
        System.out.println(report.summary());
        System.out.println("Results: " + resultsFile.toAbsolutePath());
    }

    private static void phase(Report report, Set<String> skipped, String name, Phase phase) {
        String option = name.equals("fixedRate") ? "fixed-rate" : name;
        if (skipped.contains(option)) {
            return;
        }
        long started = System.nanoTime();
        System.out.println("== " + name + " …");
        try {
            Object result = phase.run();
            report.put(name, result);
            System.out.printf(
                    "== %s done in %.1f s: %s%n",
                    name, (System.nanoTime() - started) / 1e9, Portal.shorten(Portal.JSON.writeValueAsString(result)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            report.put(name, Map.of("error", String.valueOf(e.getMessage())));
            System.out.println("== " + name + " not measured: " + e.getMessage());
        }
    }

    private static Map<String, Object> catalogSize(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("select (select count(*) from domain),"
                        + " (select count(*) from data_product), (select count(*) from product_version),"
                        + " (select count(*) from schema_column),"
                        + " pg_size_pretty(pg_database_size(current_database()))")) {
            counts.next();
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("domains", counts.getLong(1));
            size.put("products", counts.getLong(2));
            size.put("versions", counts.getLong(3));
            size.put("columns", counts.getLong(4));
            size.put("databaseSize", counts.getString(5));
            return size;
        }
    }
}
