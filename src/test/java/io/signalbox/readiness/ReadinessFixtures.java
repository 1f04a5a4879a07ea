package io.signalbox.readiness;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.signalbox.readiness.assessment.Answer;
import io.signalbox.readiness.assessment.Assessment;
import io.signalbox.readiness.assessment.PlanItem;
import io.signalbox.readiness.assessment.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Submitted readiness assessments for tests of the council's views, written straight through the V19 entities (the
 * assessment workflow is another engineer's; the council's views read only what is stored): inserted as a draft with
 * its answers and plan items, then marked submitted in the same transaction (the trigger refuses only changes to rows
 * already submitted). Built with a small builder; domains are registered fresh through the API.
 */
public final class ReadinessFixtures {

    private ReadinessFixtures() {}

    /** Registers a domain with a fresh key as the admin behind {@code adminToken}; grants each owner; returns the key. */
    public static String domain(
            String adminToken, String name, String businessOwner, String technicalContact, String... owners) {
        String key = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RestAssured.given()
                .auth()
                .oauth2(adminToken)
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        name == null ? "Domain " + key : name,
                        "description",
                        "Readiness test domain",
                        "businessOwner",
                        businessOwner,
                        "technicalContact",
                        technicalContact))
                .put("/api/domains/" + key)
                .then()
                .statusCode(201);
        for (String owner : owners) {
            RestAssured.given()
                    .auth()
                    .oauth2(adminToken)
                    .put("/api/domains/" + key + "/owners/" + owner)
                    .then()
                    .statusCode(201);
        }
        return key;
    }

    /** Starts a submitted assessment of {@code domain}: every criterion green unless set otherwise. */
    public static Submission submission(String domain, Instant submittedAt) {
        return new Submission(domain, submittedAt);
    }

    /** A submitted assessment being built. */
    public static final class Submission {
        private final String domain;
        private final Instant submittedAt;
        private final Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
        private final Map<Criterion, LocalDate> waivers = new EnumMap<>(Criterion.class);
        private final List<Object[]> planItems = new ArrayList<>();
        private boolean diverges;

        private Submission(String domain, Instant submittedAt) {
            this.domain = domain;
            this.submittedAt = submittedAt;
            for (Criterion criterion : Criterion.values()) {
                scores.put(criterion, Score.GREEN);
            }
        }

        public Submission score(Criterion criterion, Score score) {
            scores.put(criterion, score);
            return this;
        }

        /** The council waived this criterion's red until {@code expiresOn} (inclusive). */
        public Submission waived(Criterion criterion, LocalDate expiresOn) {
            waivers.put(criterion, expiresOn);
            return this;
        }

        public Submission diverges() {
            diverges = true;
            return this;
        }

        /** A plan item for {@code criterion} due on {@code target}, done at {@code doneAt} (null: open). */
        public Submission planItem(Criterion criterion, LocalDate target, Instant doneAt) {
            planItems.add(new Object[] {criterion, target, doneAt});
            return this;
        }

        /** Stores it; returns the assessment's id. */
        public long submit() {
            return QuarkusTransaction.requiringNew().call(() -> {
                Assessment a = new Assessment();
                a.domainKey = domain;
                a.questionnaireVersion = 1;
                a.state = Assessment.DRAFT;
                a.createdAt = submittedAt;
                a.createdBy = "fixture";
                a.updatedAt = submittedAt;
                a.updatedBy = "fixture";
                a.persistAndFlush();
                scores.forEach((criterion, score) -> {
                    Answer answer = new Answer();
                    answer.assessmentId = a.id;
                    answer.criterion = criterion.key();
                    answer.score = score.key();
                    answer.justification = score == Score.GREEN ? null : "Because the fixture says so";
                    answer.evidence = Map.of();
                    answer.persist();
                });
                int position = 0;
                for (Object[] item : planItems) {
                    PlanItem plan = new PlanItem();
                    plan.assessmentId = a.id;
                    plan.criterion = ((Criterion) item[0]).key();
                    plan.position = position++;
                    plan.action = "Build capability";
                    plan.owner = "owner@example.com";
                    plan.targetDate = (LocalDate) item[1];
                    plan.doneAt = (Instant) item[2];
                    plan.doneBy = item[2] == null ? null : "owner@example.com";
                    plan.persist();
                }
                Assessment.getEntityManager().flush();
                a.state = Assessment.SUBMITTED;
                a.submittedAt = submittedAt;
                a.submittedBy = "fixture";
                a.verdict = Verdict.of(scores, java.util.Set.of()).key();
                a.diverges = diverges;
                Assessment.getEntityManager().flush();
                waivers.forEach((criterion, expiresOn) -> {
                    Waiver waiver = new Waiver();
                    waiver.assessmentId = a.id;
                    waiver.criterion = criterion.key();
                    waiver.reason = "The council accepts it for now";
                    waiver.expiresOn = expiresOn;
                    waiver.waivedAt = submittedAt;
                    waiver.waivedBy = "carla.council";
                    waiver.persist();
                });
                return a.id;
            });
        }
    }
}
