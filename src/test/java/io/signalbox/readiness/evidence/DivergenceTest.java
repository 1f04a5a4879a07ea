package io.signalbox.readiness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.evidence.DomainEvidence.CriterionEvidence;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The divergence flag: two levels better than the evidence (green against red) and nothing less. */
class DivergenceTest {

    @Test
    void greenAgainstRedEvidenceIsFlagged() {
        DomainEvidence evidence = evidence(Map.of(Criterion.CAPACITY, Score.RED));

        assertThat(Divergence.flagged(Map.of(Criterion.CAPACITY, Score.GREEN), evidence))
                .containsExactly(Criterion.CAPACITY);
        assertThat(Divergence.any(Map.of(Criterion.CAPACITY, Score.GREEN), evidence))
                .isTrue();
    }

    @Test
    void greenAgainstAmberEvidenceIsNotFlagged() {
        DomainEvidence evidence = evidence(Map.of(Criterion.CAPACITY, Score.AMBER));

        assertThat(Divergence.flagged(Map.of(Criterion.CAPACITY, Score.GREEN), evidence))
                .isEmpty();
        assertThat(Divergence.any(Map.of(Criterion.CAPACITY, Score.GREEN), evidence))
                .isFalse();
    }

    @Test
    void onlyTwoLevelsBetterFlagsOverAllNinePairs() {
        for (Score self : Score.values()) {
            for (Score seen : Score.values()) {
                boolean flagged = !Divergence.flagged(
                                Map.of(Criterion.DATA_KNOWLEDGE, self),
                                evidence(Map.of(Criterion.DATA_KNOWLEDGE, seen)))
                        .isEmpty();
                assertThat(flagged).as(self + " against " + seen).isEqualTo(self == Score.GREEN && seen == Score.RED);
            }
        }
    }

    @Test
    void evidenceWithoutALevelNeverFlagsNorDoesAMissingScore() {
        DomainEvidence nothingToJudge = evidence(Map.of());
        Map<Criterion, Score> allGreen = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            allGreen.put(criterion, Score.GREEN);
        }
        assertThat(Divergence.flagged(allGreen, nothingToJudge)).isEmpty();

        Map<Criterion, Score> unscored = new EnumMap<>(Criterion.class);
        unscored.put(Criterion.SLA_READINESS, null);
        assertThat(Divergence.flagged(unscored, evidence(Map.of(Criterion.SLA_READINESS, Score.RED))))
                .isEmpty();
    }

    @Test
    void eachCriterionIsJudgedOnItsOwn() {
        DomainEvidence evidence = evidence(Map.of(
                Criterion.BUSINESS_OWNERSHIP, Score.RED,
                Criterion.CONSUMER_AWARENESS, Score.RED,
                Criterion.CHANGE_AUTHORITY, Score.AMBER));

        assertThat(Divergence.flagged(
                        Map.of(
                                Criterion.BUSINESS_OWNERSHIP, Score.GREEN,
                                Criterion.CONSUMER_AWARENESS, Score.AMBER,
                                Criterion.CHANGE_AUTHORITY, Score.GREEN),
                        evidence))
                .containsExactly(Criterion.BUSINESS_OWNERSHIP);
    }

    /** Evidence with the given levels; every other criterion has none. */
    private static DomainEvidence evidence(Map<Criterion, Score> levels) {
        Map<Criterion, CriterionEvidence> criteria = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            criteria.put(criterion, new CriterionEvidence(criterion, levels.get(criterion), List.of(), "test rule"));
        }
        return new DomainEvidence("test", Instant.EPOCH, criteria);
    }
}
