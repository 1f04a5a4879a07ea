package io.signalbox.notification;

import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transactional outbox (docs/notifications.md): features write what should be delivered in the same transaction
 * as the change that causes it, so a delivery row exists if and only if that change committed; the delivery worker
 * sends due rows later, at least once per row, retrying with backoff until the row is sent or dead.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Writes delivery rows in the caller's transaction; a row whose identity is already there is left as it is.
     *
     * @return how many rows were written
     */
    @Transactional(TxType.MANDATORY)
    public int enqueue(Collection<DeliveryRequest> requests) {
        throw new UnsupportedOperationException("contract: implemented in the notification feature");
    }

    /**
     * Moves the pending rows of one milestone of a group to a new due time (a notice's sunset moved).
     *
     * @return how many rows moved
     */
    @Transactional(TxType.MANDATORY)
    public int reschedule(String topic, long groupId, String milestone, Instant dueAt) {
        throw new UnsupportedOperationException("contract: implemented in the notification feature");
    }

    /**
     * Cancels the pending rows of a group whose milestone is one of {@code milestones} (all when empty).
     *
     * @return how many rows were cancelled
     */
    @Transactional(TxType.MANDATORY)
    public int cancelPending(String topic, long groupId, Set<String> milestones) {
        throw new UnsupportedOperationException("contract: implemented in the notification feature");
    }

    /** The rows of a group, oldest first, keyset-paged by row id. */
    @Transactional
    public List<DeliveryRecord> log(String topic, long groupId, PageRequest page) {
        throw new UnsupportedOperationException("contract: implemented in the notification feature");
    }

    /** The rows of one recipient of a group, oldest first (at most a few dozen: milestones × channels). */
    @Transactional
    public List<DeliveryRecord> ofRecipient(String topic, long groupId, long recipientKey) {
        throw new UnsupportedOperationException("contract: implemented in the notification feature");
    }

    /** How many rows of a group are in each state ({@code pending}, {@code sent}, {@code dead}, {@code cancelled}). */
    @Transactional
    public Map<String, Long> countsByState(String topic, long groupId) {
        throw new UnsupportedOperationException("contract: implemented in the notification feature");
    }
}
