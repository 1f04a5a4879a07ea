package io.signalbox.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The in-portal inbox: one entry per delivered inbox row (exactly once), addressed by email address. Features mark
 * entries acknowledged when a person acknowledged by another way (the signed link of an email).
 */
@ApplicationScoped
public class Inbox {

    /**
     * Marks every inbox entry of a recipient in a group as {@code step} ({@code acknowledged} or {@code migrated}), in
     * the caller's transaction.
     */
    @Transactional(TxType.MANDATORY)
    public void mark(String topic, long groupId, long recipientKey, String step) {
        throw new UnsupportedOperationException("contract: implemented in the notification feature");
    }
}
