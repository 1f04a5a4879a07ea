package io.signalbox.governance.compliance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Judges again, every few minutes, the products whose data went stale while nobody reported anything. */
@ApplicationScoped
public class ComplianceSweeper {

    private static final Logger LOG = Logger.getLogger(ComplianceSweeper.class);

    @Inject
    ComplianceService compliance;

    @ConfigProperty(name = "signalbox.compliance.sweep-interval", defaultValue = "15m")
    Duration interval;

    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "compliance-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweep() {
        try {
            int judged = 0;
            int batch;
            do {
                batch = compliance.judgeStaleProducts();
                judged += batch;
            } while (batch == ComplianceService.STALENESS_BATCH);
            if (judged > 0) {
                LOG.infof("%d products judged again: their data went stale", judged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not judge stale products; trying again at the next sweep", e);
        }
    }
}
