package io.signalbox.deprecation.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Retires notices whose sunset has come, within one tick ({@code signalbox.deprecation.sunset-interval}, default 30 s,
 * so at most a minute late). Each notice is claimed with {@code FOR UPDATE SKIP LOCKED} and retired in the claim's
 * transaction, so with several replicas each notice is retired exactly once.
 */
@ApplicationScoped
public class SunsetJob {

    private static final Logger LOG = Logger.getLogger(SunsetJob.class);
    private static final int BATCH = 50;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    NoticeService notices;

    @Scheduled(
            identity = "deprecation-sunset",
            every = "${signalbox.deprecation.sunset-interval:30s}",
            delayed = "${signalbox.deprecation.sunset-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Could not retire notices whose sunset came; trying again at the next tick", e);
        }
    }

    /** Retires every notice due now; returns how many this call retired. */
    public int runOnce() {
        int total = 0;
        while (true) {
            int retired = QuarkusTransaction.requiringNew().call(this::retireBatch);
            total += retired;
            if (retired < BATCH) {
                return total;
            }
        }
    }

    private int retireBatch() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from deprecation_notice"
                        + " where state = 'active' and sunset_at <= :now order by sunset_at, id limit " + BATCH
                        + " for update skip locked")
                .setParameter("now", clock.instant())
                .getResultList();
        for (Number id : ids) {
            DeprecationNotice notice = DeprecationNotice.findById(id.longValue());
            notices.retire(notice);
            LOG.infof("%s of %s retired at its sunset (%s)", notice.scopeLabel(), notice.productKey, notice.sunset);
        }
        return ids.size();
    }
}
