package io.signalbox.deprecation.subscription;

import java.util.List;

/**
 * What a person sends to subscribe ({@code POST /api/products/{key}/subscription} or
 * {@code /api/domains/{key}/subscription}); an empty body subscribes by email and inbox.
 *
 * @param channels any of {@code email}, {@code inbox}, {@code webhook}; default email and inbox
 * @param webhookUrl the https address notices are posted to; required with {@code webhook}
 */
public record SubscriptionRequest(List<String> channels, String webhookUrl) {}
