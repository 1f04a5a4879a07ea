package io.signalbox.notification;

import java.net.URI;
import java.util.Map;

/**
 * What one delivery says, rendered by its {@link MessageSource} at send time (so a reminder states the days left on
 * the day it is sent).
 *
 * @param subject one line, for the email subject and the inbox entry's title
 * @param text the plain-text body (email body and inbox entry)
 * @param link the page the message is about (absolute), shown in the inbox and the email
 * @param payload the webhook's JSON body (serialised as it is); may be empty for sources without webhooks
 * @param webhookSecret the shared secret the webhook body is signed with (HMAC-SHA256); null when not a webhook
 * @param acknowledgeable whether the inbox entry offers "acknowledge" and "migrated"
 */
public record Message(
        String subject,
        String text,
        URI link,
        Map<String, Object> payload,
        String webhookSecret,
        boolean acknowledgeable) {}
