package io.signalbox.readiness.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The divergence flag (issue 14): a self-score two levels better than the catalog's evidence, green against red,
 * flags the assessment; one level (green against amber, amber against red) does not, nor does evidence without a
 * level, nor a score worse than the evidence.
 */
class DivergenceTest {

    @Test
    void greenAgainstRedEvidenceDivergesAndOneLevelDoesNot() {
        assertThat(AssessmentService.diverges(answer("green", "red"))).isTrue();
        assertThat(AssessmentService.diverges(answer("green", "amber"))).isFalse();
        assertThat(AssessmentService.diverges(answer("amber", "red"))).isFalse();
        assertThat(AssessmentService.diverges(answer("green", "green"))).isFalse();
        assertThat(AssessmentService.diverges(answer("red", "green"))).isFalse();
    }

    @Test
    void noLevelOrNoScoreNeverDiverges() {
        assertThat(AssessmentService.diverges(answer("green", null))).isFalse();
        assertThat(AssessmentService.diverges(answer(null, "red"))).isFalse();
    }

    private static Answer answer(String score, String evidenceLevel) {
        Answer answer = new Answer();
        answer.criterion = "capacity";
        answer.score = score;
        answer.evidenceLevel = evidenceLevel;
        return answer;
    }
}
