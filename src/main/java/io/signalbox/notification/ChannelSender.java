package io.signalbox.notification;

/**
 * Sends one rendered message through one channel; the delivery worker calls the sender of the row's channel outside
 * any transaction, after claiming the row and before marking it sent. A sender either returns (the channel accepted
 * the message) or throws {@link DeliveryFailed}; it must give up within its channel's timeout (email 30 s, webhook
 * 10 s) so that a hanging peer never holds a worker. Sending the same row twice must be recognisable by the receiver
 * (email: the same {@code Message-ID}; webhook: the same delivery id header) or impossible (inbox: one entry per row).
 */
public interface ChannelSender {

    Channel channel();

    /** Sends {@code message} for {@code delivery}; throws {@link DeliveryFailed} with a reason in words. */
    void send(DeliveryRecord delivery, Message message) throws DeliveryFailed;

    /** A failed attempt: {@code permanent} when retrying cannot help (a refused webhook target, a malformed address). */
    final class DeliveryFailed extends Exception {
        private final boolean permanent;

        public DeliveryFailed(String reason, boolean permanent, Throwable cause) {
            super(reason, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
