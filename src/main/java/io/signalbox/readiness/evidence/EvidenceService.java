package io.signalbox.readiness.evidence;

import io.signalbox.catalog.reporting.DomainFacts;
import io.signalbox.catalog.reporting.DomainFacts.DeclaredFreshness;
import io.signalbox.catalog.reporting.DomainFacts.Facts;
import io.signalbox.governance.compliance.FreshnessWindow;
import io.signalbox.governance.compliance.MeasuredFreshness;
import io.signalbox.readiness.evidence.EvidenceRules.Measured;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Computes a domain's readiness evidence (docs/readiness-evidence.md) from the catalog's facts
 * ({@link DomainFacts}), the freshness governance measured ({@link MeasuredFreshness}) and the domain's overdue plan
 * items, and judges each criterion by {@link EvidenceRules}. A handful of bounded statements whatever the domain's
 * size.
 */
@ApplicationScoped
public class EvidenceService {

    // The open items of the domain's latest submitted assessment: a new draft copies the open items of the last
    // submission, so counting older submissions too would count the same promise twice.
    private static final String OVERDUE_PLAN_ITEMS = """
            select count(*) from readiness_plan_item i
             where i.assessment_id = (select a.id from readiness_assessment a
                                       where a.domain_key = ? and a.state = 'submitted'
                                       order by a.submitted_at desc, a.id desc limit 1)
               and i.done_at is null and i.target_date < ?
            """;

    private final Clock clock;

    @Inject
    DomainFacts domainFacts;

    @Inject
    MeasuredFreshness measuredFreshness;

    @Inject
    DataSource dataSource;

    EvidenceService(Clock clock) {
        this.clock = clock;
    }

    /**
     * The evidence for {@code domainKey}, now (the injected clock); bounded work whatever the domain's size.
     *
     * @throws Refusal.NotFound when no domain has this key
     */
    // Read only; a domain that is not there must not spoil the transaction of a caller that asked in passing.
    @Transactional(dontRollbackOn = Refusal.NotFound.class)
    public DomainEvidence of(String domainKey) {
        Instant now = clock.instant();
        Facts facts = domainFacts
                .of(domainKey, now.minus(Duration.ofDays(EvidenceRules.PUBLICATION_WINDOW_DAYS)), now)
                .orElseThrow(() -> Refusal.notFound("No domain '" + domainKey + "' is registered."));
        Map<Long, Duration> readable = new LinkedHashMap<>();
        for (DeclaredFreshness declared : facts.freshness()) {
            FreshnessWindow.of(declared.freshness()).ifPresent(window -> readable.put(declared.productId(), window));
        }
        MeasuredFreshness.OnTime onTime = measuredFreshness.onTime(readable);
        Measured measured = new Measured(
                readable.size(),
                onTime.measured(),
                onTime.onTime(),
                overduePlanItems(domainKey, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        return new DomainEvidence(domainKey, now, EvidenceRules.judge(facts, measured));
    }

    /** Open plan items of the domain's latest submitted assessment whose target date is before {@code today}. */
    private long overduePlanItems(String domainKey, LocalDate today) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(OVERDUE_PLAN_ITEMS)) {
            query.setString(1, domainKey);
            query.setObject(2, today);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the overdue plan items of " + domainKey, e);
        }
    }
}
