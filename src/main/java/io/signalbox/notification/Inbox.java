package io.signalbox.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The in-portal inbox: one entry per delivered inbox row (exactly once), addressed by email address. Features mark
 * entries acknowledged when a person acknowledged by another way (the signed link of an email).
 */
@ApplicationScoped
public class Inbox {

    /** The steps a person takes on a notice, in order; "migrated" implies "acknowledged". */
    public static final String ACKNOWLEDGED = "acknowledged", MIGRATED = "migrated";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Marks every inbox entry of a recipient in a group as {@code step} ({@code acknowledged} or {@code migrated}), in
     * the caller's transaction. Idempotent: a step already taken keeps its first time; {@code migrated} also marks the
     * entries acknowledged (and read) when they were not, since a person who migrated knows of the notice.
     *
     * @throws IllegalArgumentException for any other step (a programming error of the calling feature)
     */
    @Transactional(TxType.MANDATORY)
    public void mark(String topic, long groupId, long recipientKey, String step) {
        String migrated;
        if (ACKNOWLEDGED.equals(step)) {
            migrated = "migrated_at";
        } else if (MIGRATED.equals(step)) {
            migrated = "coalesce(migrated_at, :now)";
        } else {
            throw new IllegalArgumentException("step must be 'acknowledged' or 'migrated', not " + step);
        }
        // Table of the notification.inbox capability (V17); written here so that this contract class needs nothing
        // from that package (which depends on this one).
        em.createNativeQuery("update notification_inbox_entry set read_at = coalesce(read_at, :now),"
                        + " acknowledged_at = coalesce(acknowledged_at, :now), migrated_at = " + migrated
                        + " where topic = :topic and group_id = :group and recipient_key = :recipient")
                .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter("topic", topic)
                .setParameter("group", groupId)
                .setParameter("recipient", recipientKey)
                .executeUpdate();
    }
}
