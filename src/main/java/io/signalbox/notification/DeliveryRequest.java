package io.signalbox.notification;

import java.time.Instant;

/**
 * One message to deliver, as the feature that wants it sent describes it to the {@link Outbox}. Its identity is
 * ({@code topic}, {@code groupId}, {@code recipientKey}, {@code milestone}, {@code channel}): the outbox keeps at most
 * one row per identity, so asking twice is harmless.
 *
 * @param topic the feature's name for its kind of message (for example {@code deprecation}); the
 *     {@link MessageSource} with this topic renders the message at send time
 * @param groupId what the message is about in the feature's terms (for a deprecation, the notice's id)
 * @param recipientKey the feature's identifier of the recipient within the group (for a deprecation, the recipient's
 *     id)
 * @param milestone why it is sent (for example {@code issued}, {@code t-30}, {@code sunset}); at most 40 characters
 * @param channel how it is sent
 * @param target where it goes: an email address for {@link Channel#EMAIL} and {@link Channel#INBOX} (lower case), an
 *     https URL for {@link Channel#WEBHOOK}
 * @param dueAt not sent before this instant
 */
public record DeliveryRequest(
        String topic,
        long groupId,
        long recipientKey,
        String milestone,
        Channel channel,
        String target,
        Instant dueAt) {}
