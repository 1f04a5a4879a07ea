package io.signalbox.demo;

import io.quarkus.runtime.StartupEvent;
import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorParser;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.catalog.domain.DomainService.DomainDraft;
import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.publishing.PublicationService;
import io.signalbox.deprecation.notice.DeprecationNotice;
import io.signalbox.deprecation.notice.NoticeRequest;
import io.signalbox.deprecation.notice.NoticeService;
import io.signalbox.deprecation.subscription.SubscriptionRequest;
import io.signalbox.deprecation.subscription.SubscriptionService;
import io.signalbox.freshness.watch.FreshnessWatch;
import io.signalbox.governance.compliance.ComplianceService;
import io.signalbox.readiness.assessment.Assessment;
import io.signalbox.readiness.assessment.AssessmentService;
import io.signalbox.readiness.assessment.DraftRequest;
import io.signalbox.readiness.assessment.WaiverRequest;
import io.signalbox.readiness.onboarding.OnboardingService;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the telco demo catalog (src/main/resources/demo) into an empty catalog at start, through the same
 * publication path as the API, so the demo proves the descriptors a real team would write.
 */
@ApplicationScoped
public class DemoCatalog {

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class);

    @ConfigProperty(name = "signalbox.demo-catalog.load")
    boolean load;

    @Inject
    DomainService domains;

    @Inject
    PublicationService publications;

    @Inject
    ComplianceService compliance;

    @Inject
    Clock clock;

    @Inject
    NoticeService notices;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    AssessmentService assessments;

    @Inject
    OnboardingService onboarding;

    @Inject
    FreshnessWatch freshness;

    @Inject
    DemoPipelines pipelines;

    void onStart(@Observes StartupEvent event) {
        if (load && DataProduct.count() == 0) {
            loadInto();
        }
    }

    /** Registers the demo domains and publishes every demo descriptor in the order catalog.txt gives. */
    public void loadInto() {
        int published = 0;
        for (Object entry : (List<?>) DescriptorParser.parse(resource("demo/domains.yaml"), DescriptorFormat.YAML)
                .get(0)
                .get("domains")) {
            Map<?, ?> domain = (Map<?, ?>) entry;
            domains.register(
                    (String) domain.get("key"),
                    new DomainDraft(
                            (String) domain.get("name"),
                            (String) domain.get("description"),
                            (String) domain.get("businessOwner"),
                            (String) domain.get("technicalContact"),
                            null),
                    "demo-catalog");
        }
        String index = new String(resource("demo/catalog.txt"), StandardCharsets.UTF_8);
        for (String line : index.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                publications.publish(
                        DescriptorReader.read(resource("demo/" + line), DescriptorFormat.YAML), "demo-catalog");
                published++;
            } catch (Refusal e) {
                LOG.errorf("Demo descriptor %s was refused: %s %s", line, e.detail(), e.problems());
            }
        }
        int measurements = reportMeasurements();
        int refreshed = pipelines.runOnce();
        LOG.infof(
                "Demo catalog loaded: %d publications, %d measurements, %d refreshed by the demo pipelines",
                published, measurements, refreshed);
        issueDemoNotice();
        loadReadiness();
        watchFreshness();
    }

    /**
     * The freshness watch's first look right away, so the SLA page shows the demo on first run without waiting for
     * the timer. The demo pipelines ({@link DemoPipelines}) have just refreshed their products, which stay on time; the
     * products marked stalled in demo/measurements.yaml are behind on purpose: network.cell-site-registry at risk
     * (refreshed 20 h ago, daily), price plans and catalogue services (30 h), NPS responses (26 h) and churn scores
     * (170 h) breached, and field appointments (hourly) never reported, so it counts from its publication.
     */
    private void watchFreshness() {
        FreshnessWatch.Run run = freshness.runOnce();
        LOG.infof("Demo freshness: %d products watched, %s", run.products(), run.transitions());
    }

    /**
     * Readiness on first run (demo/readiness.yaml): assessments of four domains entered over the past months (network
     * assessed twice, now ready to pilot; billing needing capability building, with plan items, one overdue; product
     * ready with a waived red; care stale), a draft for provisioning, and the council's onboarding decisions.
     */
    private void loadReadiness() {
        Map<?, ?> readiness = (Map<?, ?>) DescriptorParser.parse(resource("demo/readiness.yaml"), DescriptorFormat.YAML)
                .get(0);
        Instant now = clock.instant();
        Map<String, Long> latest = new java.util.HashMap<>();
        try {
            for (Object entry : (List<?>) readiness.get("assessments")) {
                Map<?, ?> assessment = (Map<?, ?>) entry;
                String domain = (String) assessment.get("domain");
                Instant at = now.minus(Duration.ofDays(((Number) assessment.get("daysAgo")).longValue()));
                Assessment submitted =
                        assessments.submitOnBehalf(domain, draftOf(assessment, at), (String) assessment.get("by"), at);
                latest.put(domain, submitted.id);
                List<?> plan = assessment.get("planItems") == null ? List.of() : (List<?>) assessment.get("planItems");
                List<Long> ids = assessments.planItemIds(submitted.id);
                for (int i = 0; i < plan.size(); i++) {
                    Map<?, ?> item = (Map<?, ?>) plan.get(i);
                    if (Boolean.TRUE.equals(item.get("done"))) {
                        Instant doneAt = at.plus(Duration.ofDays(((Number) item.get("inDays")).longValue() - 5));
                        assessments.markDoneOnBehalf(
                                domain, ids.get(i).toString(), (String) assessment.get("by"), doneAt);
                    }
                }
            }
            for (Object entry : (List<?>) readiness.get("waivers")) {
                Map<?, ?> waiver = (Map<?, ?>) entry;
                String domain = (String) waiver.get("domain");
                assessments.waiveOnBehalf(
                        domain,
                        latest.get(domain).toString(),
                        new WaiverRequest(
                                (String) waiver.get("criterion"),
                                (String) waiver.get("reason"),
                                LocalDate.ofInstant(now, ZoneOffset.UTC)
                                        .plusDays(((Number) waiver.get("expiresInDays")).longValue())),
                        (String) waiver.get("by"));
            }
            for (Object entry : (List<?>) readiness.get("onboarding")) {
                Map<?, ?> decision = (Map<?, ?>) entry;
                onboarding.decideOnBehalf(
                        (String) decision.get("by"),
                        (String) decision.get("domain"),
                        (String) decision.get("decision"),
                        (String) decision.get("reason"),
                        LocalDate.ofInstant(now, ZoneOffset.UTC)
                                .minusDays(((Number) decision.get("daysAgo")).longValue()));
            }
            for (Object entry : (List<?>) readiness.get("drafts")) {
                Map<?, ?> draft = (Map<?, ?>) entry;
                Instant at = now.minus(Duration.ofDays(((Number) draft.get("daysAgo")).longValue()));
                assessments.saveOnBehalf(
                        (String) draft.get("domain"), draftOf(draft, at), (String) draft.get("by"), at);
            }
            LOG.infof(
                    "Demo readiness: %d domains assessed, onboarding decided for %d",
                    latest.size(), ((List<?>) readiness.get("onboarding")).size());
        } catch (Refusal e) {
            LOG.errorf("Demo readiness was refused: %s %s", e.detail(), e.problems());
        }
    }

    private static DraftRequest draftOf(Map<?, ?> entry, Instant at) {
        Map<String, DraftRequest.AnswerRequest> answers = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) entry.get("answers")).forEach((criterion, value) -> {
            List<?> scoreAndWhy = (List<?>) value;
            answers.put(
                    (String) criterion,
                    new DraftRequest.AnswerRequest(
                            (String) scoreAndWhy.get(0), scoreAndWhy.size() > 1 ? (String) scoreAndWhy.get(1) : null));
        });
        List<DraftRequest.PlanItemRequest> plan = new java.util.ArrayList<>();
        List<?> items = entry.get("planItems") == null ? List.of() : (List<?>) entry.get("planItems");
        for (Object value : items) {
            Map<?, ?> item = (Map<?, ?>) value;
            plan.add(new DraftRequest.PlanItemRequest(
                    (String) item.get("criterion"),
                    (String) item.get("action"),
                    (String) item.get("owner"),
                    LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(((Number) item.get("inDays")).longValue())));
        }
        return new DraftRequest(null, answers, plan);
    }

    /**
     * The deprecation feature on first run: major line 1 of the service inventory, superseded by 2.0.0, under a notice
     * issued three weeks ago; a reader subscribed to the network domain; one consumer acknowledged, one migrated.
     */
    private void issueDemoNotice() {
        String product = "network.service-inventory";
        try {
            subscriptions.subscribeOnBehalf(
                    "domain",
                    "network",
                    new SubscriptionRequest(List.of("email", "inbox"), null),
                    "rita.reader",
                    "rita.reader@telco.example");
            Instant issued = clock.instant().minus(Duration.ofDays(21));
            LocalDate sunset = issued.atZone(ZoneOffset.UTC).toLocalDate().plusDays(120);
            DeprecationNotice notice = notices.issueOnBehalf(
                    product,
                    new NoticeRequest(
                            "Version 2 reports bandwidth per direction and sites by their canonical site_id; "
                                    + "keeping the 1.x line costs the network team a daily reconciliation.",
                            sunset,
                            product + "@2.0.0",
                            null,
                            "1. Read `bandwidth_down_mbps` and `bandwidth_up_mbps` instead of `bandwidth_mbps`.\n"
                                    + "2. Join sites on `site_id` instead of `site_code`.\n"
                                    + "3. Tell us when you have moved: the link in the notice email, or your inbox.",
                            1,
                            null),
                    "nora.network",
                    issued);
            notices.recipientId(notice.id, "billing-ops@telco.example")
                    .ifPresent(id -> notices.acknowledge(id, "acknowledged", "billing-ops", "link"));
            notices.recipientId(notice.id, "care-tooling@telco.example")
                    .ifPresent(id -> notices.acknowledge(id, "migrated", "care-tooling", "link"));
            LOG.infof("Demo deprecation notice: major line 1 of %s stops on %s", product, sunset);
        } catch (Refusal e) {
            LOG.errorf("Demo deprecation notice was refused: %s %s", e.detail(), e.problems());
        }
    }

    /** What the demo products' pipelines would have reported, so that compliance has something to show. */
    private int reportMeasurements() {
        int reported = 0;
        for (DemoMeasurement measurement : measurements()) {
            try {
                compliance.report(
                        measurement.product(),
                        new ComplianceService.MeasurementReport(
                                null,
                                clock.instant().minus(Duration.ofHours(measurement.refreshedHoursAgo())),
                                measurement.completeness()),
                        "demo-catalog");
                reported++;
            } catch (Refusal e) {
                LOG.errorf(
                        "Demo measurement of %s was refused: %s %s", measurement.product(), e.detail(), e.problems());
            }
        }
        return reported;
    }

    /**
     * One entry of demo/measurements.yaml: the product, how many hours before the demo's load it was last refreshed,
     * its completeness (percent per canonical attribute), and whether its pipeline is stalled (behind on purpose).
     */
    record DemoMeasurement(String product, long refreshedHoursAgo, Map<String, Object> completeness, boolean stalled) {}

    /** The entries of demo/measurements.yaml, in the file's order. */
    static List<DemoMeasurement> measurements() {
        List<DemoMeasurement> measurements = new ArrayList<>();
        for (Object entry : (List<?>) DescriptorParser.parse(resource("demo/measurements.yaml"), DescriptorFormat.YAML)
                .get(0)
                .get("measurements")) {
            Map<?, ?> measurement = (Map<?, ?>) entry;
            Map<String, Object> completeness = new LinkedHashMap<>();
            if (measurement.get("completeness") instanceof Map<?, ?> values) {
                values.forEach((attribute, percent) -> completeness.put((String) attribute, percent));
            }
            measurements.add(new DemoMeasurement(
                    (String) measurement.get("product"),
                    ((Number) measurement.get("refreshedHoursAgo")).longValue(),
                    completeness,
                    Boolean.TRUE.equals(measurement.get("stalled"))));
        }
        return measurements;
    }

    static byte[] resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
