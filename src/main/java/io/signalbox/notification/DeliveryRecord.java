package io.signalbox.notification;

import java.time.Instant;

/**
 * One row of the outbox as its owner's log shows it: what was asked ({@link DeliveryRequest}'s fields), and what
 * happened to it.
 *
 * @param id the row's id; the email {@code Message-ID} and the inbox entry are derived from it
 * @param state {@code pending} (not yet sent, or being retried), {@code sent}, {@code dead} (gave up after the retry
 *     period), {@code cancelled} (no longer wanted, for example a reminder of a rescinded notice)
 * @param attempts how many times sending was tried
 * @param lastAttemptAt when sending was last tried; null before the first attempt
 * @param lastError why the last attempt failed, in words; null when it did not fail
 * @param sentAt when the channel accepted the message; null until then
 * @param messageId the email {@code Message-ID} (without angle brackets) for email rows, null otherwise
 */
public record DeliveryRecord(
        long id,
        String topic,
        long groupId,
        long recipientKey,
        String milestone,
        Channel channel,
        String target,
        Instant dueAt,
        String state,
        int attempts,
        Instant lastAttemptAt,
        String lastError,
        Instant sentAt,
        String messageId) {}
