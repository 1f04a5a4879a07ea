package io.signalbox.readiness.onboarding;

import io.signalbox.catalog.domain.DomainService;
import io.signalbox.identity.AuditLog;
import io.signalbox.identity.Caller;
import io.signalbox.readiness.heatmap.Heatmap;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The council's onboarding decisions (issue 14): {@link #decide} records one (council only, audited, one
 * transaction), {@link #history} reads them newest first a page at a time, {@link #current} the one in force.
 */
@ApplicationScoped
public class OnboardingService {

    /** Decisions on a page when the client names no size, and the most one page may hold. */
    public static final int DEFAULT_SIZE = 20, MAX_SIZE = 100;

    /** The longest reason the table takes. */
    public static final int MAX_REASON = 4000;

    /** The earliest day a decision may be dated (the portal did not exist before). */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DomainService domains;

    @Inject
    Heatmap heatmap;

    /** A decision as pages and the API show it. */
    public record View(
            long id,
            String domain,
            String decision,
            String label,
            String reason,
            LocalDate decidedOn,
            Instant decidedAt,
            String decidedBy,
            Long assessmentId) {

        static View of(OnboardingDecision d) {
            return new View(
                    d.id,
                    d.domainKey,
                    d.decision,
                    Decision.ofKey(d.decision).label(),
                    d.reason,
                    d.decidedOn,
                    d.decidedAt,
                    d.decidedBy,
                    d.assessmentId);
        }
    }

    /**
     * Records the council's decision for a registered domain; it becomes the current one.
     *
     * @param decidedOn the day decided; null for today (UTC, from the clock)
     * @throws Refusal.Forbidden unless the caller is on the council
     * @throws Refusal.NotFound when no domain has that key
     * @throws Refusal.Invalid naming {@code decision}, {@code reason} or {@code decidedOn}
     */
    @Transactional
    public View decide(Caller caller, String domainKey, String decision, String reason, LocalDate decidedOn) {
        caller.refuseUnlessCouncil("decide on a domain's onboarding");
        return decideAs(caller.name(), domainKey, decision, reason, decidedOn);
    }

    /**
     * For the demo catalog only (demo.DemoCatalog, at start-up, where nobody is signed in): records a decision as
     * {@code actor} (the council member named), under the same rules as {@link #decide}.
     */
    @Transactional
    public View decideOnBehalf(String actor, String domainKey, String decision, String reason, LocalDate decidedOn) {
        return decideAs(actor, domainKey, decision, reason, decidedOn);
    }

    private View decideAs(String actor, String domainKey, String decision, String reason, LocalDate decidedOn) {
        domains.existing(domainKey);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<FieldProblem> problems = new ArrayList<>();
        Decision chosen = null;
        try {
            chosen = Decision.ofKey(decision == null ? null : decision.strip());
        } catch (Refusal.Invalid refused) {
            problems.addAll(refused.problems());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(new FieldProblem("reason", "is required: say why the council decided so"));
        } else if (why.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON + " characters"));
        }
        LocalDate day = decidedOn == null ? today : decidedOn;
        if (day.isAfter(today)) {
            problems.add(new FieldProblem("decidedOn", "cannot be after today (" + today + ")"));
        } else if (day.isBefore(EARLIEST)) {
            problems.add(new FieldProblem("decidedOn", "cannot be before " + EARLIEST));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The onboarding decision is not valid", problems);
        }
        Optional<OnboardingDecision> before = currentRow(domainKey);
        OnboardingDecision row = new OnboardingDecision();
        row.domainKey = domainKey;
        row.decision = chosen.key();
        row.reason = why;
        row.decidedOn = day;
        row.decidedAt = clock.instant();
        row.decidedBy = actor;
        row.assessmentId =
                heatmap.latestOf(domainKey).map(Heatmap.Row::assessmentId).orElse(null);
        row.persist();
        audit.record(new AuditLog.Change(
                actor,
                "readiness.onboarding-decided",
                "domain",
                domainKey,
                domainKey,
                before.map(OnboardingService::summary).orElse(null),
                summary(row)));
        return View.of(row);
    }

    /** The domain's current decision, if the council made one. */
    @Transactional(TxType.SUPPORTS)
    public Optional<View> current(String domainKey) {
        return currentRow(domainKey).map(View::of);
    }

    /**
     * The domain's decisions newest first, after the decision with id {@code afterId} (null: from the newest),
     * at most {@code limit}; through the index {@code readiness_onboarding_domain_idx}.
     */
    @Transactional(TxType.SUPPORTS)
    public List<View> history(String domainKey, Long afterId, int limit) {
        return em
                .createQuery(
                        "from OnboardingDecision d where d.domainKey = :domain and d.id < :after order by d.id desc",
                        OnboardingDecision.class)
                .setParameter("domain", domainKey)
                .setParameter("after", afterId == null ? Long.MAX_VALUE : afterId)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(View::of)
                .toList();
    }

    private Optional<OnboardingDecision> currentRow(String domainKey) {
        return em.createQuery(
                        "from OnboardingDecision d where d.domainKey = :domain order by d.id desc",
                        OnboardingDecision.class)
                .setParameter("domain", domainKey)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private static String summary(OnboardingDecision d) {
        String reason = d.reason.length() > 200 ? d.reason.substring(0, 200) + "…" : d.reason;
        return Decision.ofKey(d.decision).label() + " on " + d.decidedOn + ": " + reason;
    }
}
