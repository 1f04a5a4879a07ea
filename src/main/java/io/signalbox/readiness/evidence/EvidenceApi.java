package io.signalbox.readiness.evidence;

import io.signalbox.readiness.evidence.DomainEvidence.Fact;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * A domain's readiness evidence as JSON, computed now ({@link EvidenceService}): for any signed-in person, like the
 * catalog it is computed from. 404 for an unknown domain.
 */
@Path("/api/domains/{key}/readiness/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceApi {

    @Inject
    EvidenceService evidence;

    /** The evidence as JSON: criteria and levels by their stable keys, in questionnaire order. */
    public record EvidenceView(String domain, Instant computedAt, List<CriterionView> criteria) {}

    /**
     * One criterion's evidence.
     *
     * @param criterion its key, e.g. {@code business-ownership}
     * @param level {@code green}, {@code amber}, {@code red}, or null when nothing can be judged
     */
    public record CriterionView(String criterion, String title, String level, List<Fact> facts, String rule) {}

    /** The evidence for each criterion: level (green, amber, red or null), facts and the rule behind the level. */
    @GET
    public EvidenceView evidence(@PathParam("key") String key) {
        DomainEvidence found = evidence.of(key);
        return new EvidenceView(
                found.domainKey(),
                found.computedAt(),
                found.criteria().values().stream()
                        .map(c -> new CriterionView(
                                c.criterion().key(),
                                c.criterion().title(),
                                c.level() == null ? null : c.level().key(),
                                c.facts(),
                                c.rule()))
                        .toList());
    }
}
