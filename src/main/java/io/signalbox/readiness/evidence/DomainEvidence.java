package io.signalbox.readiness.evidence;

import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the catalog shows about a domain, criterion by criterion, computed when a draft is opened: the facts (each
 * with its value and a sentence a person can read) and the level they point to. A level is null when there is nothing
 * to judge (a domain with no products has no column documentation to measure).
 *
 * @param domainKey the domain
 * @param computedAt when the evidence was computed (the injected clock)
 * @param criteria one entry per criterion, in {@link Criterion} order
 */
public record DomainEvidence(String domainKey, Instant computedAt, Map<Criterion, CriterionEvidence> criteria) {

    /**
     * The evidence for one criterion.
     *
     * @param level the level the facts point to, or null when there is nothing to judge
     * @param facts the measured facts, in display order
     * @param rule how the level follows from the facts, in plain language (e.g. "green at 80 % or more")
     */
    public record CriterionEvidence(Criterion criterion, Score level, List<Fact> facts, String rule) {}

    /**
     * One measured fact.
     *
     * @param name stable name, e.g. {@code productsWithDeclaredConsumers}
     * @param label what it measures, for people
     * @param value the number (a share is 0.0–1.0; a count is whole), or null when it cannot be measured
     * @param display the value as shown, e.g. "7 of 10 (70 %)"
     */
    public record Fact(String name, String label, Double value, String display) {}
}
