package io.signalbox.bench.measure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * The {@code readiness} phase (issue 14, docs/performance.md "Readiness at scale"): gives {@code domains} domains
 * (the catalog's own first, by key, then synthetic {@code mesh-NNN} ones with {@code productsPerDomain} small products
 * that read from and declare consumers in other mesh domains) {@code assessmentsPerDomain} submitted readiness
 * assessments each (six answers, plan items for the reds), written straight into PostgreSQL like the catalog itself;
 * then measures the council's heatmap (page, JSON, filtered), a domain page, the CSV export and the domain map.
 *
 * <p>The rows are written with triggers off ({@code session_replication_role = replica}), as the catalog loader does:
 * submitted assessments are written as submitted in one insert, which the portal itself never does (its trigger
 * refuses answers added to a submitted assessment). Running the phase twice reuses the domains already there.
 */
final class ReadinessAtScale {

    private static final String PREFIX = "mesh-";
    private static final String[] SCORES = {"green", "amber", "red"};
    private static final String[] CRITERIA = {
        "business-ownership", "consumer-awareness", "data-knowledge", "change-authority", "capacity", "sla-readiness"
    };

    private final Portal portal;
    private final String token;
    private final Connection connection;
    private final int domains;
    private final int assessmentsPerDomain;
    private final int productsPerDomain;
    private final int samples;
    private final long seed;

    /** The domains given assessments: the catalog's first {@link #domains} by key, made up with mesh-NNN. */
    private final List<String> assessed = new ArrayList<>();

    ReadinessAtScale(
            Portal portal,
            String token,
            Connection connection,
            int domains,
            int assessmentsPerDomain,
            int productsPerDomain,
            int samples,
            long seed) {
        this.portal = portal;
        this.token = token;
        this.connection = connection;
        this.domains = domains;
        this.assessmentsPerDomain = assessmentsPerDomain;
        this.productsPerDomain = productsPerDomain;
        this.samples = samples;
        this.seed = seed;
    }

    Map<String, Object> measure() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        long started = System.nanoTime();
        result.put("seeded", seed());
        result.put("seedSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> domainPages = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            domainPages.add("/domains/" + assessed.get(random.nextInt(assessed.size())));
        }
        result.put("heatmapPage", latencies(List.of("/readiness"), 3));
        result.put("heatmapJson", latencies(List.of("/api/readiness"), 3));
        result.put("heatmapRedFilter", latencies(List.of("/api/readiness?verdict=needs-capability-building"), 3));
        result.put("domainPage", latencies(domainPages, 3));
        result.put("csv", latencies(List.of("/api/readiness.csv"), 1));
        result.put("mapPage", latencies(List.of("/domains/map"), 1));
        result.put("mapJson", latencies(List.of("/api/domains/map"), 1));
        return result;
    }

    /** Each path {@link #samples} times (after {@code warmups} rounds), one at a time; every answer must be a 200. */
    private Map<String, Object> latencies(List<String> paths, int warmups) {
        for (int i = 0; i < warmups; i++) {
            for (String path : paths) {
                portal.get(path, token).expect(200);
            }
        }
        Histogram histogram = Latencies.histogram();
        long bytes = 0;
        for (int i = 0; i < samples; i++) {
            String path = paths.get(i % paths.size());
            long before = System.nanoTime();
            Portal.Answer answer = portal.get(path, token).expect(200);
            Latencies.recordNanos(histogram, answer.receivedNanos() - before);
            bytes = Math.max(bytes, answer.body().length());
        }
        Map<String, Object> summary = Latencies.summary(histogram);
        summary.put("largestAnswerChars", bytes);
        return summary;
    }

    private static String key(int n) {
        return PREFIX + String.format("%03d", n);
    }

    /** Writes what is missing; returns the counts of what the phase found or wrote. */
    private Map<String, Object> seed() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Map<String, Object> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local session_replication_role = replica");
            Instant now = Instant.now();
            SplittableRandom random = new SplittableRandom(seed);
            int domainsWritten = 0, productsWritten = 0, assessmentsWritten = 0;
            // The catalog's own domains first (bench/run.sh with BENCH_DOMAINS=500 generates them, with their mesh of
            // reads); synthetic mesh-NNN domains with two small products each make up the rest.
            assessed.clear();
            try (ResultSet keys = statement.executeQuery("select key from domain order by key limit " + domains)) {
                while (keys.next()) {
                    assessed.add(keys.getString(1));
                }
            }
            long templateVersion = template(statement);
            for (int d = 1; assessed.size() < domains; d++) {
                String key = key(d);
                if (domainId(key) != null) {
                    continue;
                }
                long domainId = insertDomain(key, d, now);
                domainsWritten++;
                productsWritten += insertProducts(key, domainId, d, templateVersion, random, now);
                assessed.add(key);
            }
            for (String key : assessed) {
                if (!hasAssessments(key)) {
                    assessmentsWritten += insertAssessments(key, random, now);
                }
            }
            connection.commit();
            counts.put("domainsWritten", domainsWritten);
            counts.put("productsWritten", productsWritten);
            counts.put("assessmentsWritten", assessmentsWritten);
            try (ResultSet totals = statement.executeQuery("select (select count(*) from domain),"
                    + " (select count(*) from readiness_assessment), (select count(*) from readiness_answer)")) {
                totals.next();
                counts.put("domains", totals.getLong(1));
                counts.put("assessments", totals.getLong(2));
                counts.put("answers", totals.getLong(3));
            }
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("vacuum analyze");
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return counts;
    }

    private long template(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select v.id from data_product p"
                + " join product_version v on v.id = p.current_version_id where p.status = 'published'"
                + " order by p.id limit 1")) {
            if (!rows.next()) {
                throw new IllegalStateException("the readiness phase needs a published product to copy");
            }
            return rows.getLong(1);
        }
    }

    private boolean hasAssessments(String key) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select 1 from readiness_assessment where domain_key = ? limit 1")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Long domainId(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id from domain where key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private long insertDomain(String key, int n, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into domain (key, name, description,"
                + " business_owner, technical_contact, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)"
                + " returning id")) {
            insert.setString(1, key);
            insert.setString(2, "Mesh domain " + n);
            insert.setString(3, "A synthetic domain of the readiness benchmark.");
            insert.setString(4, "Business Owner " + n);
            insert.setString(5, "tech" + n + "@telco.example");
            insert.setObject(6, java.sql.Timestamp.from(now));
            insert.setObject(7, java.sql.Timestamp.from(now));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Products copied from a template version, each reading one product of each of two other mesh domains and
     * declaring a consumer domain, so the map has about two edges per product, a third of them undeclared.
     */
    private int insertProducts(
            String key, long domainId, int n, long templateVersion, SplittableRandom random, Instant now)
            throws SQLException {
        for (int p = 1; p <= productsPerDomain; p++) {
            String productKey = key + ".product-" + p;
            StringBuilder inputs = new StringBuilder("[");
            for (int i = 0; i < 2; i++) {
                int other = 1 + random.nextInt(domains);
                if (other == n) {
                    continue;
                }
                inputs.append(inputs.length() > 1 ? "," : "")
                        .append("{\"name\":\"in")
                        .append(i)
                        .append("\",\"version\":\"1.0.0\",\"sourceProduct\":\"")
                        .append(key(other))
                        .append(".product-")
                        .append(1 + random.nextInt(productsPerDomain))
                        .append("\"}");
            }
            inputs.append(']');
            int consumer = 1 + random.nextInt(domains);
            String consumers = "[{\"team\":\"Team " + consumer + "\",\"domain\":\"" + key(consumer)
                    + "\",\"purpose\":\"Benchmark\",\"contact\":\"team" + consumer + "@telco.example\"}]";
            long productId;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into data_product (key, domain_id, slug,"
                            + " external_id, status, created_at, updated_at) values (?, ?, ?, ?, 'published', ?, ?) returning id")) {
                insert.setString(1, productKey);
                insert.setLong(2, domainId);
                insert.setString(3, "product-" + p);
                insert.setString(4, "bench-" + productKey);
                insert.setObject(5, java.sql.Timestamp.from(now));
                insert.setObject(6, java.sql.Timestamp.from(now));
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    productId = rows.getLong(1);
                }
            }
            try (PreparedStatement copy =
                    connection.prepareStatement("insert into product_version (product_id, version,"
                            + " major, minor, patch, title, purpose, declared_status, owner_name, owner_email, input_ports,"
                            + " consumers, sla_freshness, content_hash, descriptor, descriptor_format, published_at,"
                            + " published_by) select ?, '1.0.0', 1, 0, 0, ?, purpose, 'active', owner_name, ?,"
                            + " cast(? as jsonb), cast(? as jsonb), sla_freshness, content_hash, descriptor,"
                            + " descriptor_format, published_at, published_by from product_version where id = ?"
                            + " returning id")) {
                copy.setLong(1, productId);
                copy.setString(2, "Mesh product " + n + "." + p);
                copy.setString(3, "owner" + n + "@telco.example");
                copy.setString(4, inputs.toString());
                copy.setString(5, consumers);
                copy.setLong(6, templateVersion);
                long versionId;
                try (ResultSet rows = copy.executeQuery()) {
                    rows.next();
                    versionId = rows.getLong(1);
                }
                try (PreparedStatement current =
                        connection.prepareStatement("update data_product set current_version_id = ? where id = ?")) {
                    current.setLong(1, versionId);
                    current.setLong(2, productId);
                    current.executeUpdate();
                }
            }
        }
        return productsPerDomain;
    }

    /** {@link #assessmentsPerDomain} submitted assessments a few weeks apart, the newest up to a year old. */
    private int insertAssessments(String key, SplittableRandom random, Instant now) throws SQLException {
        Instant submitted = now.minus(random.nextInt(365), ChronoUnit.DAYS);
        try (PreparedStatement assessment = connection.prepareStatement("insert into readiness_assessment (domain_key,"
                        + " questionnaire_version, state, created_at, created_by, updated_at, updated_by, submitted_at,"
                        + " submitted_by, verdict, diverges) values (?, 1, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id");
                PreparedStatement answer = connection.prepareStatement("insert into readiness_answer (assessment_id,"
                        + " criterion, score, justification, evidence_level) values (?, ?, ?, ?, ?)");
                PreparedStatement plan = connection.prepareStatement("insert into readiness_plan_item (assessment_id,"
                        + " criterion, position, action, owner, target_date) values (?, ?, ?, ?, ?, ?)")) {
            for (int a = 0; a < assessmentsPerDomain; a++) {
                Instant at = submitted.minus(28L * a, ChronoUnit.DAYS);
                String[] scores = new String[CRITERIA.length];
                boolean red = false;
                for (int c = 0; c < CRITERIA.length; c++) {
                    scores[c] = SCORES[random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2];
                    red |= scores[c].equals("red");
                }
                assessment.setString(1, key);
                assessment.setObject(2, java.sql.Timestamp.from(at));
                assessment.setString(3, "owner@telco.example");
                assessment.setObject(4, java.sql.Timestamp.from(at));
                assessment.setString(5, "owner@telco.example");
                assessment.setObject(6, java.sql.Timestamp.from(at));
                assessment.setString(7, "owner@telco.example");
                assessment.setString(8, red ? "needs-capability-building" : "ready-to-pilot");
                assessment.setBoolean(9, random.nextInt(10) == 0);
                long id;
                try (ResultSet rows = assessment.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
                for (int c = 0; c < CRITERIA.length; c++) {
                    answer.setLong(1, id);
                    answer.setString(2, CRITERIA[c]);
                    answer.setString(3, scores[c]);
                    answer.setString(4, scores[c].equals("green") ? null : "Benchmark justification.");
                    answer.setString(5, SCORES[random.nextInt(3)]);
                    answer.addBatch();
                    if (scores[c].equals("red")) {
                        plan.setLong(1, id);
                        plan.setString(2, CRITERIA[c]);
                        plan.setInt(3, c);
                        plan.setString(4, "Build the capability.");
                        plan.setString(5, "owner@telco.example");
                        plan.setObject(
                                6,
                                java.sql.Date.valueOf(java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)
                                        .plusDays(90)));
                        plan.addBatch();
                    }
                }
            }
            answer.executeBatch();
            plan.executeBatch();
        }
        return assessmentsPerDomain;
    }
}
