package io.signalbox.notification.inbox;

import io.signalbox.notification.Channel;
import io.signalbox.notification.ChannelSender;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Delivers {@link Channel#INBOX} rows: writes the inbox entry of the row's address in its own transaction, exactly
 * once per row id (a resend finds the entry already there and succeeds without writing another).
 */
@ApplicationScoped
public class InboxSender implements ChannelSender {

    @Inject
    InboxEntries entries;

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    /**
     * Writes the entry; a row without an address fails permanently (no retry can give it one), a database failure is
     * retried by the worker.
     */
    @Override
    public void send(DeliveryRecord delivery, Message message) throws DeliveryFailed {
        if (delivery.target() == null
                || delivery.target().isBlank()
                || !delivery.target().contains("@")) {
            throw new DeliveryFailed(
                    "an inbox row needs an email address as its target, not '" + delivery.target() + "'", true, null);
        }
        try {
            entries.deliver(delivery, message);
        } catch (RuntimeException e) {
            // A database outage or a failed commit: nothing was written, so the worker's retry is safe.
            throw new DeliveryFailed("the inbox entry could not be written: " + e.getMessage(), false, e);
        }
    }
}
