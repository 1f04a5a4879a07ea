package io.signalbox.notification;

/**
 * Fired, synchronously inside the request's transaction, when a person acknowledges an inbox entry or says they have
 * migrated: the feature that owns the topic records it (and may refuse by throwing a {@code web.Refusal}).
 *
 * @param step {@code acknowledged} or {@code migrated}
 * @param by the signed-in person's username
 */
public record AcknowledgementRequested(String topic, long groupId, long recipientKey, String step, String by) {}
