package io.signalbox.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Owners seen signing in (docs/mesh-watch.md): a signed-in person who owns domains is recorded for each of them when
 * they make a request, at most once a day; a person who owns none leaves no trace. Real tokens from the test
 * Keycloak, since the sighting is keyed by the token's email.
 */
@QuarkusTest
class OwnerSightingsTest {

    private static final String RITA = "rita.reader@telco.example";

    @Inject
    AdjustableClock clock;

    @Inject
    OwnerSightings sightings;

    @Inject
    EntityManager em;

    /** The domain granted to rita by a test, if any. */
    private String ritasDomain;

    @AfterEach
    void clockBack() {
        clock.reset();
        if (ritasDomain != null) {
            // rita is the suite's one pure reader: other tests rely on her owning nothing.
            given().auth()
                    .oauth2(Tokens.accessToken("adam.admin", "admin"))
                    .delete("/api/domains/" + ritasDomain + "/owners/rita.reader")
                    .then()
                    .statusCode(200);
            ritasDomain = null;
        }
    }

    private static String aDomainRitaOwns(String admin) {
        String key = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{\"name\":\"Domain " + key + "\",\"description\":\"Sightings test\","
                        + "\"businessOwner\":\"Owner <owner@example.com>\",\"technicalContact\":\"tech@example.com\"}")
                .put("/api/domains/" + key)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .put("/api/domains/" + key + "/owners/rita.reader")
                .then()
                .statusCode(201);
        return key;
    }

    private List<Instant> lastSeen(String email, String domain) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em
                        .createNativeQuery(
                                "select last_seen_at from identity_owner_sighting where email = :e and domain_key = :d",
                                OffsetDateTime.class)
                        .setParameter("e", email)
                        .setParameter("d", domain)
                        .getResultList()
                        .stream()
                        .map(t -> ((OffsetDateTime) t).toInstant())
                        .toList());
    }

    @Test
    void anOwnerIsRecordedAtTheirFirstRequestOfEachDayOnly() {
        String admin = Tokens.accessToken("adam.admin", "admin");
        String rita = Tokens.accessToken("rita.reader", "reader");
        String domain = aDomainRitaOwns(admin);
        ritasDomain = domain;
        // Two days ago at 08:00 UTC: every moment of the test stays in the past, whatever the time of the run.
        Instant morning =
                LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(8, 0).toInstant(ZoneOffset.UTC);
        clock.freeze(morning);

        given().auth().oauth2(rita).get("/api/domains/" + domain).then().statusCode(200);
        assertThat(lastSeen(RITA, domain)).containsExactly(morning);

        clock.advance(Duration.ofHours(3));
        given().auth().oauth2(rita).get("/api/domains/" + domain).then().statusCode(200);
        assertThat(lastSeen(RITA, domain)).as("not written again the same day").containsExactly(morning);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sightings.record(RITA, "rita.reader", Set.of(domain))))
                .as("the database refuses a second write that day too, for another portal instance")
                .isZero();

        clock.advance(Duration.ofDays(1));
        given().auth().oauth2(rita).get("/api/domains/" + domain).then().statusCode(200);
        assertThat(lastSeen(RITA, domain))
                .containsExactly(morning.plus(Duration.ofDays(1)).plusSeconds(3 * 3600));
    }

    @Test
    void aPersonWhoOwnsNoDomainLeavesNoSighting() {
        String carla = Tokens.accessToken("carla.council", "council");
        // Far ahead, so that a sighting written now could not be an older one (other tests grant carla a domain for a
        // while, and her sightings of then stay); nothing is written, so nothing is left in the future.
        Instant ahead = Instant.parse("2199-01-01T08:00:00Z");
        clock.freeze(ahead);
        given().auth().oauth2(carla).get("/api/domains").then().statusCode(200);
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "select count(*) from identity_owner_sighting where email = 'carla.council@telco.example'"
                                + " and last_seen_at >= :ahead")
                .setParameter("ahead", ahead)
                .getSingleResult());
        assertThat(rows.longValue()).isZero();
    }
}
