package io.signalbox.demo;

import io.quarkus.scheduler.Scheduled;
import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.reporting.FreshnessPromises;
import io.signalbox.governance.compliance.ComplianceService;
import io.signalbox.governance.compliance.FreshnessWindow;
import io.signalbox.governance.compliance.MeasuredFreshness;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo's data pipelines (docs/freshness.md, "Demo"): while the portal runs with the demo catalog, each demo product
 * that {@code demo/measurements.yaml} does not mark {@code stalled} is reported refreshed whenever a quarter of its
 * promised freshness window has passed since its last reported refresh (checked every minute, so even a two-minute
 * promise is refreshed before its last 20 %, when the watch would call it at risk), as a domain's pipeline would report
 * through {@code POST /api/products/{key}/measurements}, with the completeness the file gives it. So the SLA page shows
 * a living mesh: the pipelines' products stay on time, and the stalled ones (behind on purpose) move to at risk and
 * breached as their deadlines pass. Checked every {@code signalbox.demo-catalog.pipeline-interval} (1 min); nothing
 * runs unless the demo catalog is loaded ({@code signalbox.demo-catalog.load}).
 */
@ApplicationScoped
public class DemoPipelines {

    private static final Logger LOG = Logger.getLogger(DemoPipelines.class);

    /** Who the pipelines' reports are recorded as (the audit log and the measurement's reporter). */
    static final String REPORTER = "demo-pipeline";

    @ConfigProperty(name = "signalbox.demo-catalog.load")
    boolean load;

    @Inject
    ComplianceService compliance;

    @Inject
    FreshnessPromises promises;

    @Inject
    MeasuredFreshness measured;

    @Inject
    Clock clock;

    /** One pipeline: the product it reports on and the completeness (percent per canonical attribute) it reports. */
    public record Pipeline(String productKey, Map<String, Object> completeness) {}

    @Scheduled(
            identity = "demo-pipelines",
            every = "${signalbox.demo-catalog.pipeline-interval:1m}",
            delayed = "${signalbox.demo-catalog.pipeline-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!load) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("The demo pipelines could not report; trying again at the next tick: %s", e.getMessage());
        }
    }

    /** Reports what is due for the demo's pipelines; returns how many products were reported refreshed. */
    public int runOnce() {
        return refreshDue(pipelines());
    }

    /**
     *
     * Reports refreshed now each of these products whose last reported refresh (or publication, when it never reported)
     * is at least a quarter of its promised freshness window ago; a product that is missing, retired or whose promise
     * cannot be read is left alone. Each report is its own transaction (as a pipeline's request would be).
     *
     * @return how many products were reported refreshed
     */
    public int refreshDue(List<Pipeline> pipelines) {
        int reported = 0;
        Instant now = clock.instant();
        for (Pipeline pipeline : pipelines) {
            Optional<Instant> due = dueAt(pipeline.productKey());
            if (due.isEmpty() || due.get().isAfter(now)) {
                continue;
            }
            try {
                compliance.report(
                        pipeline.productKey(),
                        new ComplianceService.MeasurementReport(null, now, pipeline.completeness()),
                        REPORTER);
                reported++;
            } catch (Refusal e) {
                LOG.warnf(
                        "The demo pipeline of %s was refused: %s %s", pipeline.productKey(), e.detail(), e.problems());
            }
        }
        return reported;
    }

    /** When the product's pipeline reports next: a quarter of its window after its last refresh; empty if unwatched. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Instant> dueAt(String productKey) {
        Optional<DataProduct> product = DataProduct.findByKey(productKey);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        long id = product.get().id;
        Optional<FreshnessPromises.Promise> promise =
                promises.of(List.of(id)).stream().findFirst();
        Optional<Duration> window = promise.flatMap(p -> FreshnessWindow.of(p.declared()));
        if (window.isEmpty()) {
            return Optional.empty();
        }
        Instant last = measured.latestRefreshes(List.of(id)).get(id);
        Instant from = last == null ? promise.get().publishedAt() : last;
        return Optional.of(from.plus(window.get().dividedBy(4)));
    }

    /** The demo's pipelines: every product of {@code demo/measurements.yaml} not marked {@code stalled: true}. */
    static List<Pipeline> pipelines() {
        return DemoCatalog.measurements().stream()
                .filter(m -> !m.stalled())
                .map(m -> new Pipeline(m.product(), m.completeness()))
                .toList();
    }
}
