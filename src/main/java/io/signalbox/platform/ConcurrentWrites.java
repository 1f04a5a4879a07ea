package io.signalbox.platform;

import io.quarkus.hibernate.orm.panache.Panache;
import io.signalbox.web.Refusal;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/** Turns the database's refusals of concurrent writes into 409 answers instead of 500s. */
public final class ConcurrentWrites {

    private ConcurrentWrites() {}

    /**
     * Flushes now, inside the service's transaction, so that a lost optimistic-lock race or a unique key taken by a
     * concurrent writer surfaces here, where it can be answered with 409.
     */
    public static void flushOrConflict(String detail, String field) {
        writeOrConflict(() -> Panache.getEntityManager().flush(), detail, field);
    }

    /** Runs a write (an identity insert happens at persist time) and answers a concurrent-write refusal with 409. */
    public static void writeOrConflict(Runnable write, String detail, String field) {
        try {
            write.run();
        } catch (PersistenceException e) {
            if (isConcurrentWrite(e)) {
                throw Refusal.conflict(detail, field);
            }
            throw e;
        }
    }

    public static boolean isConcurrentWrite(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            // Only a unique key taken by a concurrent writer is a race; other constraint failures are bugs to see.
            if (t instanceof ConstraintViolationException violation && "23505".equals(violation.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
