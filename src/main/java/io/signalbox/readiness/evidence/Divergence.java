package io.signalbox.readiness.evidence;

import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The divergence rule: a self-score is flagged when it is two levels better than the catalog's evidence
 * (green against red evidence). One level apart (green against amber, amber against red) is a judgement call, not a
 * divergence; evidence with no level (nothing to judge) never flags.
 */
public final class Divergence {

    /** How many levels better than the evidence a self-score must be to be flagged. */
    public static final int LEVELS = 2;

    private Divergence() {}

    /**
     * The criteria whose self-score diverges from the evidence.
     *
     * @param selfScores the domain's scores (a criterion not scored yet is not flagged)
     * @param evidence the evidence the scores are set beside
     */
    public static Set<Criterion> flagged(Map<Criterion, Score> selfScores, DomainEvidence evidence) {
        Set<Criterion> flagged = EnumSet.noneOf(Criterion.class);
        for (Map.Entry<Criterion, Score> entry : selfScores.entrySet()) {
            DomainEvidence.CriterionEvidence seen = evidence.criteria().get(entry.getKey());
            if (seen != null && diverges(entry.getValue(), seen.level())) {
                flagged.add(entry.getKey());
            }
        }
        return flagged;
    }

    /**
     * The rule for one criterion: the self-score is {@link #LEVELS} or more better than the evidence's level. A
     * criterion not scored yet, or evidence with no level, never diverges.
     */
    public static boolean diverges(Score selfScore, Score evidenceLevel) {
        return selfScore != null && evidenceLevel != null && selfScore.levelsBetterThan(evidenceLevel) >= LEVELS;
    }

    /** Whether any self-score diverges (the assessment's {@code diverges} flag). */
    public static boolean any(Map<Criterion, Score> selfScores, DomainEvidence evidence) {
        return !flagged(selfScores, evidence).isEmpty();
    }
}
