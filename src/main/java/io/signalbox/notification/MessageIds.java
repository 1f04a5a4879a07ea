package io.signalbox.notification;

import java.net.URI;

/**
 * The email {@code Message-ID} of a delivery row: {@code delivery-{id}@{host of signalbox.public-url}} (RFC 5322 3.6.4,
 * written here without the angle brackets). It depends on the row alone, so every send of the same row, a resend
 * after a crash included, carries the same one, and a mail client or the receiving server can tell it is a repeat.
 */
public final class MessageIds {

    private MessageIds() {}

    /**
     * @param deliveryId the {@code notification_delivery} row's id
     * @param publicUrl the portal's public address; its host names the portal in the id
     */
    public static String of(long deliveryId, URI publicUrl) {
        String host = publicUrl.getHost() == null ? "signalbox.invalid" : publicUrl.getHost();
        return "delivery-" + deliveryId + "@" + host;
    }
}
