package io.signalbox.notification;

import java.util.Optional;

/**
 * The port through which the delivery worker asks the feature that enqueued a row what to say. Notification owns it;
 * features that send notifications (deprecation) implement it, so the dependency points from them to notification.
 * There is one bean per topic.
 */
public interface MessageSource {

    /** The topic of the rows this source renders ({@link DeliveryRequest#topic()}). */
    String topic();

    /**
     * The message for a due row, in a transaction; empty when it is no longer wanted (the row becomes
     * {@code cancelled} and nothing is sent).
     */
    Optional<Message> render(DeliveryRecord delivery);

    /** Told once, in a transaction, when a row is given up as dead, so that the feature can tell a person. */
    void deliveryDied(DeliveryRecord delivery);
}
