package io.signalbox.readiness.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.evidence.DomainEvidence.CriterionEvidence;
import io.signalbox.readiness.evidence.DomainEvidence.Fact;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The evidence of a small fixture catalog, built through the API (publications, measurements, grants), equals the
 * values computed by hand for all six criteria; the 90-day window and the on-time share move with the clock.
 */
@QuarkusTest
class EvidenceFixtureTest {

    private static final String UNDOCUMENTED_COLUMN = """
                  - name: remark
                    logicalType: string
                    required: false
                    classification: internal
            """;

    @Inject
    EvidenceService evidence;

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource db;

    @Test
    void theEvidenceOfAFixtureCatalogEqualsTheHandComputedValues() throws SQLException {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String nora = Tokens.accessToken("nora.network", "network");
        // Business owner "Owner <owner@example.com>", technical contact "tech@example.com"; nora.network holds a grant.
        String domain = Descriptors.newDomainWithToken(admin, "nora.network");
        String readers = Descriptors.newDomainWithToken(admin, "nora.network");

        // A: 2 documented columns, consumer billing, freshness "daily by 06:00 UTC" (24 h); published twice by nora.
        Descriptors a = Descriptors.product(domain);
        a.publishWithToken(nora).then().statusCode(201);
        a.version("1.1.0")
                .changelog("Second publication.")
                .publishWithToken(nora)
                .then()
                .statusCode(201);
        // B: reads A (an input port, same domain), 3 columns of which "remark" has no description, freshness "4 h".
        Descriptors b = Descriptors.product(domain)
                .readsFrom(a.key())
                .columnYaml(UNDOCUMENTED_COLUMN)
                .withoutSla()
                .slaProperty("freshness", "4", "h");
        b.publishWithToken(nora).then().statusCode(201);
        // C: no freshness; declares the readers' domain as a consumer.
        Descriptors c = Descriptors.product(domain).withoutSla().consumer("Readers", readers, "Joins C");
        c.publishWithToken(nora).then().statusCode(201);
        // D: owned by another person, published by adam.admin while he holds a grant (revoked below).
        grant(admin, domain, "adam.admin");
        Descriptors d = Descriptors.product(domain).ownerUsername("bo.berg@example.com");
        d.publishWithToken(admin).then().statusCode(201);

        // The readers' domain: R1 reads A (A declares only billing: undeclared), R2 reads C (declared).
        Descriptors.product(readers)
                .readsFrom(a.key())
                .publishWithToken(nora)
                .then()
                .statusCode(201);
        Descriptors.product(readers)
                .readsFrom(c.key())
                .publishWithToken(nora)
                .then()
                .statusCode(201);

        // Measurements: A refreshed 2 h ago (within 24 h), B 6 h ago (beyond 4 h); D never measured.
        Instant now = clock.instant();
        measure(nora, a.key(), now.minus(Duration.ofHours(2)));
        measure(nora, b.key(), now.minus(Duration.ofHours(6)));
        given().auth()
                .oauth2(admin)
                .delete("/api/domains/" + domain + "/owners/adam.admin")
                .then()
                .statusCode(200);

        // Plan items: an older submission with 3 overdue items (not counted: only the latest submission is the
        // plan), the latest with one overdue open item, one overdue but done, one due in 10 days.
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        submittedAssessment(domain, now.minus(Duration.ofDays(30)), today.minusDays(5), today.minusDays(5), today);
        long latest = submittedAssessment(domain, now.minus(Duration.ofDays(1)));
        planItem(latest, today.minusDays(1), false);
        planItem(latest, today.minusDays(2), true);
        planItem(latest, today.plusDays(10), false);
        submit(latest, now.minus(Duration.ofDays(1)));

        DomainEvidence found = evidence.of(domain);

        // Business ownership: owner@example.com and tech@example.com are different people → green.
        CriterionEvidence ownership = found.criteria().get(Criterion.BUSINESS_OWNERSHIP);
        assertThat(ownership.level()).isEqualTo(Score.GREEN);
        assertThat(value(ownership, "businessOwnerNamed")).isEqualTo(1.0);
        assertThat(value(ownership, "ownerDistinctFromContact")).isEqualTo(1.0);
        assertThat(fact(ownership, "businessOwner").display()).isEqualTo("Owner <owner@example.com>");

        // Consumer awareness: 4 products (A, B, C, D), all 4 declare a consumer (4/4 = 100 %); other domains read
        // A (by R1, undeclared) and C (by R2, declared): 2 reads, 1 undeclared consumer in 1 domain → amber, since
        // green needs no undeclared consumer.
        CriterionEvidence consumers = found.criteria().get(Criterion.CONSUMER_AWARENESS);
        assertThat(value(consumers, "products")).isEqualTo(4.0);
        assertThat(value(consumers, "productsWithDeclaredConsumers")).isEqualTo(1.0);
        assertThat(fact(consumers, "productsWithDeclaredConsumers").display()).isEqualTo("4 of 4 (100 %)");
        assertThat(value(consumers, "undeclaredConsumers")).isEqualTo(1.0);
        assertThat(value(consumers, "undeclaredConsumerDomains")).isEqualTo(1.0);
        assertThat(value(consumers, "readsByOtherDomains")).isEqualTo(2.0);
        assertThat(consumers.level()).isEqualTo(Score.AMBER);

        // Data knowledge: columns A 2 + B 3 + C 2 + D 2 = 9, of which 8 documented (8/9 = 88.9 % → green); products
        // with inputs: B only, 1/4 = 25 % → red; the worse of the two → red.
        CriterionEvidence knowledge = found.criteria().get(Criterion.DATA_KNOWLEDGE);
        assertThat(value(knowledge, "documentedColumns")).isEqualTo(8.0 / 9.0);
        assertThat(fact(knowledge, "documentedColumns").display()).isEqualTo("8 of 9 (89 %)");
        assertThat(value(knowledge, "productsWithDeclaredInputs")).isEqualTo(0.25);
        assertThat(knowledge.level()).isEqualTo(Score.RED);

        // Change authority: 5 publications in 90 days (A twice, B, C by nora, who holds a grant; D by adam.admin,
        // whose grant is revoked and who is neither the business owner, the contact nor a product owner):
        // 4/5 = 80 % → green (at the threshold).
        CriterionEvidence authority = found.criteria().get(Criterion.CHANGE_AUTHORITY);
        assertThat(value(authority, "publications")).isEqualTo(5.0);
        assertThat(value(authority, "publicationsByOwners")).isEqualTo(0.8);
        assertThat(authority.level()).isEqualTo(Score.GREEN);

        // Capacity: 4 products / 2 named owners (ana.costa@, bo.berg@) = 2.0 → green; 1 overdue open item of the
        // latest submission → amber; the worse → amber.
        CriterionEvidence capacity = found.criteria().get(Criterion.CAPACITY);
        assertThat(value(capacity, "productsPerNamedOwner")).isEqualTo(2.0);
        assertThat(value(capacity, "namedOwners")).isEqualTo(2.0);
        assertThat(value(capacity, "overduePlanItems")).isEqualTo(1.0);
        assertThat(capacity.level()).isEqualTo(Score.AMBER);

        // SLA readiness: freshness declared by A, B, D: 3/4 = 75 % → amber; measured A and B, on time A only:
        // 1/2 = 50 % → amber; the worse → amber.
        CriterionEvidence sla = found.criteria().get(Criterion.SLA_READINESS);
        assertThat(value(sla, "productsWithDeclaredFreshness")).isEqualTo(0.75);
        assertThat(value(sla, "measuredProducts")).isEqualTo(2.0);
        assertThat(value(sla, "measuredOnTime")).isEqualTo(0.5);
        assertThat(value(sla, "unreadableFreshness")).isEqualTo(0.0);
        assertThat(sla.level()).isEqualTo(Score.AMBER);

        assertThat(found.criteria().values())
                .allSatisfy(e -> assertThat(e.rule()).isNotBlank());

        try {
            // 23 hours on: A was refreshed 25 h ago, beyond its 24 h → on time 0/2 = 0 % → red; the publications
            // (all within 90 days) do not move.
            clock.advance(Duration.ofHours(23));
            DomainEvidence dayLater = evidence.of(domain);
            assertThat(value(dayLater.criteria().get(Criterion.SLA_READINESS), "measuredOnTime"))
                    .isEqualTo(0.0);
            assertThat(dayLater.criteria().get(Criterion.SLA_READINESS).level()).isEqualTo(Score.RED);
            assertThat(value(dayLater.criteria().get(Criterion.CHANGE_AUTHORITY), "publications"))
                    .isEqualTo(5.0);

            // 91 days on: no publication in the window → amber (products, but no change shows the authority); the
            // item due in 10 days is overdue too: 2 overdue items → still amber.
            clock.advance(Duration.ofDays(91).minusHours(23));
            DomainEvidence quarterLater = evidence.of(domain);
            CriterionEvidence quiet = quarterLater.criteria().get(Criterion.CHANGE_AUTHORITY);
            assertThat(value(quiet, "publications")).isEqualTo(0.0);
            assertThat(value(quiet, "publicationsByOwners")).isNull();
            assertThat(quiet.level()).isEqualTo(Score.AMBER);
            assertThat(value(quarterLater.criteria().get(Criterion.CAPACITY), "overduePlanItems"))
                    .isEqualTo(2.0);
        } finally {
            clock.reset();
        }

        // The JSON twin says the same, by the criteria's keys.
        given().auth()
                .oauth2(nora)
                .get("/api/domains/" + domain + "/readiness/evidence")
                .then()
                .statusCode(200)
                .body("domain", equalTo(domain))
                .body("criteria[0].criterion", equalTo("business-ownership"))
                .body("criteria[0].level", equalTo("green"))
                .body("criteria[2].level", equalTo("red"))
                .body("criteria[5].facts.find { it.name == 'measuredOnTime' }.display", equalTo("1 of 2 (50 %)"));
    }

    @Test
    void aDomainWithoutProductsHasNullLevelsNotErrors() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String key = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // The business owner and the technical contact are one person (same address, other case).
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "name", "Empty " + key,
                        "description", "No products yet",
                        "businessOwner", "Ana Costa <ana@example.com>",
                        "technicalContact", "ANA@example.com"))
                .put("/api/domains/" + key)
                .then()
                .statusCode(201);

        DomainEvidence found = evidence.of(key);

        assertThat(found.criteria().get(Criterion.BUSINESS_OWNERSHIP).level()).isEqualTo(Score.RED);
        for (Criterion criterion : Criterion.values()) {
            if (criterion != Criterion.BUSINESS_OWNERSHIP) {
                assertThat(found.criteria().get(criterion).level())
                        .as(criterion.key())
                        .isNull();
            }
        }
        assertThat(value(found.criteria().get(Criterion.CONSUMER_AWARENESS), "products"))
                .isEqualTo(0.0);
        assertThat(value(found.criteria().get(Criterion.DATA_KNOWLEDGE), "documentedColumns"))
                .isNull();

        given().auth()
                .oauth2(admin)
                .get("/api/domains/" + key + "/readiness/evidence")
                .then()
                .statusCode(200)
                .body("criteria[0].level", equalTo("red"))
                .body("criteria[1].level", nullValue())
                .body("criteria[5].level", nullValue());
        given().auth()
                .oauth2(admin)
                .get("/api/domains/" + key + "-none/readiness/evidence")
                .then()
                .statusCode(404);
        given().get("/api/domains/" + key + "/readiness/evidence").then().statusCode(401);
    }

    private static void grant(String adminToken, String domain, String username) {
        given().auth()
                .oauth2(adminToken)
                .put("/api/domains/" + domain + "/owners/" + username)
                .then()
                .statusCode(201);
    }

    private static void measure(String token, String productKey, Instant lastRefreshedAt) {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("lastRefreshedAt", lastRefreshedAt.toString()))
                .post("/api/products/" + productKey + "/measurements")
                .then()
                .statusCode(201);
    }

    private static Fact fact(CriterionEvidence evidence, String name) {
        return evidence.facts().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + name + " in " + evidence.facts()));
    }

    private static Double value(CriterionEvidence evidence, String name) {
        return fact(evidence, name).value();
    }

    // Assessments are written as rows: the evidence reads readiness_plan_item by SQL, whoever wrote it. Plan items
    // go in while the assessment is a draft, since the database refuses them once it is submitted.

    private long submittedAssessment(String domain, Instant submittedAt, LocalDate... openItemTargets)
            throws SQLException {
        long id = submittedAssessment(domain, submittedAt);
        for (LocalDate target : openItemTargets) {
            planItem(id, target, false);
        }
        submit(id, submittedAt);
        return id;
    }

    /** A draft (to be submitted with {@link #submit}). */
    private long submittedAssessment(String domain, Instant createdAt) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into readiness_assessment (domain_key, questionnaire_version, state, created_at,"
                                + " created_by, updated_at, updated_by) values (?, 1, 'draft', ?, 'nora.network', ?,"
                                + " 'nora.network') returning id")) {
            insert.setString(1, domain);
            insert.setObject(2, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.setObject(3, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void planItem(long assessment, LocalDate target, boolean done) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into readiness_plan_item (assessment_id, criterion, position, action, owner,"
                                + " target_date, done_at, done_by) values (?, 'capacity', (select count(*) from"
                                + " readiness_plan_item where assessment_id = ?), 'Hire a data engineer',"
                                + " 'nora.network', ?, ?, ?)")) {
            insert.setLong(1, assessment);
            insert.setLong(2, assessment);
            insert.setObject(3, target);
            insert.setObject(4, done ? OffsetDateTime.now(ZoneOffset.UTC) : null);
            insert.setString(5, done ? "nora.network" : null);
            insert.executeUpdate();
        }
    }

    private void submit(long assessment, Instant at) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update readiness_assessment set state = 'submitted', submitted_at = ?, submitted_by ="
                                + " 'nora.network', verdict = 'needs-capability-building' where id = ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setLong(2, assessment);
            update.executeUpdate();
        }
    }
}
