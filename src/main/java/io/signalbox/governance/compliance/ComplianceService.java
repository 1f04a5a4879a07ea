package io.signalbox.governance.compliance;

import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SchemaColumn;
import io.signalbox.catalog.product.ProductStandings;
import io.signalbox.catalog.publishing.PublicationAccepted;
import io.signalbox.catalog.publishing.PublicationGate.Finding;
import io.signalbox.governance.canonical.CanonicalModel;
import io.signalbox.governance.rules.Findings;
import io.signalbox.governance.rules.GovernanceRule;
import io.signalbox.governance.rules.PublicationWarnings;
import io.signalbox.governance.rules.RuleSetVersion;
import io.signalbox.identity.AuditLog;
import io.signalbox.web.Dates;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Continuous compliance: products report measurements, and each product is judged again against the rules enforced
 * on measurements (completeness of mandatory canonical attributes, freshness) together with the warnings it was
 * published with. The latest judgement is the product's standing; the series of them is the trend.
 */
@ApplicationScoped
public class ComplianceService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ProductStandings standings;

    @Inject
    PublicationWarnings publicationWarnings;

    /** A measurement as a pipeline sends it. */
    public record MeasurementReport(Instant measuredAt, Instant lastRefreshedAt, Map<String, Object> completeness) {}

    public record Measurement(Instant measuredAt, Instant lastRefreshedAt, Map<String, Double> completeness) {}

    /**
     * How a product stands: its latest judgement, with the findings behind it (the first {@value #FINDINGS_SHOWN} of
     * {@code findingCount}, in the order the rules found them) and the measurement it used.
     */
    public record Standing(
            String product,
            String status,
            Instant evaluatedAt,
            String trigger,
            int ruleSetVersion,
            List<Finding> findings,
            int findingCount,
            Measurement lastMeasurement) {}

    /** How many findings a product's standing shows at most: a wide product can have one per column. */
    public static final int FINDINGS_SHOWN = 100;

    /**
     * How the product {@code key} stands now.
     *
     * @throws Refusal.NotFound when there is no such product
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(String key) {
        DataProduct product = existing(key);
        ComplianceEvaluation latest = ComplianceEvaluation.latestOf(product.id).orElse(null);
        Measurement measurement = ProductMeasurement.latestOf(product.id)
                .map(m -> new Measurement(m.measuredAt, m.lastRefreshedAt, Map.copyOf(m.completeness)))
                .orElse(null);
        return latest == null
                ? new Standing(key, null, null, null, 0, List.of(), 0, measurement)
                : new Standing(
                        key,
                        latest.status,
                        latest.evaluatedAt,
                        latest.trigger,
                        latest.ruleSetVersion,
                        List.copyOf(latest.findings.subList(0, Math.min(FINDINGS_SHOWN, latest.findings.size()))),
                        latest.findings.size(),
                        measurement);
    }

    /** The key of the domain that owns product {@code key}, whose owners report its measurements. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String domainOf(String key) {
        return existing(key).domain.key;
    }

    private static DataProduct existing(String key) {
        return DataProduct.findByKey(key)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + key + "'."));
    }

    @Transactional
    public ComplianceEvaluation report(String productKey, MeasurementReport report, String reportedBy) {
        DataProduct product = DataProduct.findByKey(productKey)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + productKey + "'."));
        ProductVersion current = product.currentVersion;
        Map<String, Double> completeness = refuseUnlessValid(current, report);
        ProductMeasurement measurement = new ProductMeasurement();
        measurement.productId = product.id;
        measurement.versionId = current.id;
        measurement.receivedAt = clock.instant();
        measurement.measuredAt = report.measuredAt() == null ? measurement.receivedAt : report.measuredAt();
        measurement.reportedBy = reportedBy;
        measurement.lastRefreshedAt = report.lastRefreshedAt();
        measurement.completeness = completeness;
        measurement.persist();
        ComplianceEvaluation evaluation = evaluate(product, "measurement");
        audit.record(new AuditLog.Change(
                reportedBy,
                "product.measured",
                "product",
                product.key,
                product.domain.key,
                null,
                "refreshed " + Dates.utc(report.lastRefreshedAt()) + ", " + completeness.size()
                        + " attributes measured; " + evaluation.status));
        return evaluation;
    }

    /**
     * In the publication's transaction: the product is judged again from the verdict it was published with (kept in
     * memory, not read back) when the new version became current; a fix to an older major line leaves the current
     * version's warnings standing.
     */
    void onPublicationAccepted(@Observes PublicationAccepted accepted) {
        DataProduct product = accepted.product();
        judge(
                product,
                product.currentVersion == accepted.version()
                        ? Optional.of(accepted.verdict().warnings())
                        : Optional.empty(),
                "publication");
    }

    /** Judges a product now from its stored publication warnings, as after a measurement or when data went stale. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ComplianceEvaluation evaluate(DataProduct product, String trigger) {
        return judge(product, Optional.empty(), trigger);
    }

    /**
     * Records a judgement and writes the product's new standing through the catalog (which tells the index). The
     * current version's publication warnings are the verdict's when it was just published, else the stored ones.
     */
    private ComplianceEvaluation judge(DataProduct product, Optional<List<Finding>> verdictWarnings, String trigger) {
        Map<String, GovernanceRule> rules = new LinkedHashMap<>();
        GovernanceRule.listInOrder().forEach(r -> rules.put(r.id, r));
        List<Finding> findings = new ArrayList<>(
                verdictWarnings.orElseGet(() -> publicationWarnings.of(product.currentVersion.id, rules)));
        ProductMeasurement measurement = ProductMeasurement.latestOf(product.id).orElse(null);
        GovernanceRule completeness = rules.get("canonical-completeness");
        if (completeness != null) {
            judgeCompleteness(product.currentVersion, measurement, completeness, findings);
        }
        GovernanceRule fresh = rules.get("data-fresh");
        if (fresh != null) {
            judgeFreshness(measurement, fresh, findings);
        }
        ComplianceEvaluation evaluation = new ComplianceEvaluation();
        evaluation.productId = product.id;
        evaluation.evaluatedAt = clock.instant();
        evaluation.ruleSetVersion = RuleSetVersion.latest();
        evaluation.trigger = trigger;
        evaluation.findings = findings;
        evaluation.status = findings.stream().anyMatch(Finding::blocking)
                ? ComplianceEvaluation.FAILING
                : findings.isEmpty() ? ComplianceEvaluation.PASSING : ComplianceEvaluation.WARNING;
        evaluation.persist();
        standings.record(product, evaluation.status);
        return evaluation;
    }

    /** Advisory lock key of the staleness sweep: one replica sweeps at a time (PostgreSQL advisory locks, 64 bit). */
    static final long STALENESS_SWEEP_LOCK = 0x5349474e414c0001L;

    /** Most products judged in one sweep transaction; the sweeper calls again while a batch comes back full. */
    public static final int STALENESS_BATCH = 200;

    /**
     * Products whose data went stale since they were last judged: no one reports "nothing happened", so the clock
     * must. Called periodically by every replica; returns how many products were judged again (at most
     * {@link #STALENESS_BATCH}).
     *
     * <p>Exactly once across replicas (issue 15): the sweep takes a transaction-scoped advisory lock and a replica
     * that cannot get it returns 0 at once; a product judged here stops passing, so the next sweep, on any replica,
     * no longer finds it.
     */
    @Transactional
    public int judgeStaleProducts() {
        Boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", STALENESS_SWEEP_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        GovernanceRule fresh = GovernanceRule.findById("data-fresh");
        if (fresh == null) {
            return 0;
        }
        Instant staleBefore = clock.instant().minus(maximumAge(fresh));
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select p.id from catalog_product p
                        join lateral (select m.last_refreshed_at from product_measurement m
                                      where m.product_id = p.id order by m.id desc limit 1) latest on true
                        where p.compliance = 'passing' and latest.last_refreshed_at < :staleBefore
                        order by p.id limit :batch
                        """)
                .setParameter("staleBefore", staleBefore)
                .setParameter("batch", STALENESS_BATCH)
                .getResultList();
        for (Number id : ids) {
            DataProduct product = DataProduct.findById(id.longValue());
            evaluate(product, "staleness");
        }
        return ids.size();
    }

    private static void judgeCompleteness(
            ProductVersion version, ProductMeasurement measurement, GovernanceRule rule, List<Finding> findings) {
        double minimum = new Findings(rule.parameters).number("minimumPercent", 99);
        CanonicalModel model = CanonicalModel.load();
        for (String attribute : mandatoryAttributes(version, model)) {
            Double measured = measurement == null ? null : measurement.completeness.get(attribute);
            if (measured == null) {
                findings.add(finding(
                        rule,
                        GovernanceRule.WARNING,
                        "completeness." + attribute,
                        attribute + " is mandatory, but its completeness has not been measured",
                        "report it: POST /api/products/" + version.product.key + "/measurements with completeness"
                                + " {\"" + attribute + "\": <percent of rows filled>}"));
            } else if (measured < minimum) {
                findings.add(finding(
                        rule,
                        rule.severity,
                        "completeness." + attribute,
                        attribute + " is filled in " + format(measured) + " % of rows, below the agreed "
                                + format(minimum) + " %",
                        "fill " + attribute + " in at least " + format(minimum)
                                + " % of rows at the source, then report again"));
            }
        }
    }

    private void judgeFreshness(ProductMeasurement measurement, GovernanceRule rule, List<Finding> findings) {
        Duration maximum = maximumAge(rule);
        if (measurement == null) {
            findings.add(finding(
                    rule,
                    GovernanceRule.WARNING,
                    "lastRefreshedAt",
                    "no measurement has been reported, so no one can tell how fresh the data is",
                    "have the product's pipeline report lastRefreshedAt after every refresh"));
            return;
        }
        Duration age = Duration.between(measurement.lastRefreshedAt, clock.instant());
        if (age.compareTo(maximum) > 0) {
            findings.add(finding(
                    rule,
                    rule.severity,
                    "lastRefreshedAt",
                    "the data was last refreshed " + age.toHours() + " hours ago, more than the agreed "
                            + maximum.toHours() + " hours",
                    "refresh the data and report the new lastRefreshedAt"));
        }
    }

    private static Duration maximumAge(GovernanceRule rule) {
        double hours = new Findings(rule.parameters).number("maximumAgeHours", 48);
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    /** The mandatory canonical attributes the version carries: the ones whose completeness counts. */
    static Set<String> mandatoryAttributes(ProductVersion version, CanonicalModel model) {
        Set<String> attributes = new LinkedHashSet<>();
        for (SchemaColumn column : version.columns) {
            if (column.canonicalAttribute != null
                    && model.attribute(column.canonicalAttribute)
                            .map(CanonicalModel.Attribute::mandatory)
                            .orElse(false)) {
                attributes.add(column.canonicalAttribute);
            }
        }
        return attributes;
    }

    private static Finding finding(GovernanceRule rule, String severity, String field, String problem, String fix) {
        return new Finding(rule.id, rule.category, rule.statement, severity, field, problem, fix);
    }

    private static String format(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }

    private Map<String, Double> refuseUnlessValid(ProductVersion current, MeasurementReport report) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (report.lastRefreshedAt() == null) {
            problems.add(new FieldProblem(
                    "lastRefreshedAt", "is required: when the product's data was last refreshed (ISO-8601, UTC)"));
        } else if (report.lastRefreshedAt().isAfter(latest)) {
            problems.add(new FieldProblem("lastRefreshedAt", "is in the future; send the time of the last refresh"));
        }
        if (report.measuredAt() != null && report.measuredAt().isAfter(latest)) {
            problems.add(new FieldProblem("measuredAt", "is in the future; send when the measurement was taken"));
        }
        Map<String, Double> completeness = new LinkedHashMap<>();
        Set<String> mapped = new LinkedHashSet<>();
        current.columns.stream()
                .filter(c -> c.canonicalAttribute != null)
                .forEach(c -> mapped.add(c.canonicalAttribute));
        if (report.completeness() != null) {
            for (Map.Entry<String, Object> entry : report.completeness().entrySet()) {
                String field = "completeness." + entry.getKey();
                if (!mapped.contains(entry.getKey())) {
                    problems.add(new FieldProblem(
                            field,
                            "version " + current.version + " maps no column to " + entry.getKey() + "; it maps "
                                    + (mapped.isEmpty() ? "none" : String.join(", ", mapped))));
                } else if (!(entry.getValue() instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100) {
                    problems.add(new FieldProblem(field, "must be a percentage between 0 and 100"));
                } else {
                    completeness.put(entry.getKey(), ((Number) entry.getValue()).doubleValue());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The measurement is not valid", problems);
        }
        return completeness;
    }
}
