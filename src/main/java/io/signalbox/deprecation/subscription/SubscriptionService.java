package io.signalbox.deprecation.subscription;

import io.signalbox.catalog.lifecycle.ProductLifecycle;
import io.signalbox.deprecation.notice.DeprecationNotice;
import io.signalbox.deprecation.notice.Recipients;
import io.signalbox.identity.Caller;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Subscribes people to the deprecation notices of a product or domain, in one transaction with what they are owed:
 * subscribing to something under an active notice makes them a recipient at once ({@code issued} now, and the
 * milestones still to come). Each person manages only their own subscriptions.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> CHANNELS = Set.of("email", "inbox", "webhook");

    @Inject
    Clock clock;

    @Inject
    ProductLifecycle lifecycle;

    @Inject
    Recipients recipients;

    @Inject
    WebhookTargetCheck targets;

    /** A saved subscription and, only when a webhook was just added, its signing secret (shown once). */
    public record Saved(Subscription subscription, String newWebhookSecret, boolean created) {}

    /**
     * Subscribes the caller (or changes their channels) to {@code scope} ({@code product} or {@code domain})
     * {@code key}.
     *
     * @throws Refusal.NotFound when the product or domain does not exist
     * @throws Refusal.Invalid naming {@code channels} or {@code webhookUrl}
     * @throws Refusal.Forbidden when the caller's token carries no email address (notices are addressed by email)
     */
    @Transactional
    public Saved subscribe(String scope, String key, SubscriptionRequest request, Caller caller) {
        String address = caller.email()
                .orElseThrow(() -> Refusal.forbidden("Your sign-in carries no email address, and notices are sent "
                        + "to one; ask your identity provider's administrator to add it to your account."));
        return subscribeOnBehalf(scope, key, request, caller.name(), address);
    }

    /**
     * Subscribes {@code username} at {@code address} with every rule of {@link #subscribe} but the sign-in: for the
     * demo catalog, which starts with a subscriber.
     */
    @Transactional
    public Saved subscribeOnBehalf(
            String scope, String key, SubscriptionRequest request, String username, String address) {
        String domainKey = existing(scope, key);
        Set<String> channels = channels(request);
        String webhook = request == null
                        || request.webhookUrl() == null
                        || request.webhookUrl().isBlank()
                ? null
                : request.webhookUrl().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (channels.contains("webhook") && webhook == null) {
            problems.add(new FieldProblem(
                    "webhookUrl",
                    "is required with the webhook channel: the https address " + "notices are posted to"));
        } else if (!channels.contains("webhook") && webhook != null) {
            problems.add(new FieldProblem(
                    "webhookUrl",
                    "is only used with the webhook channel: add webhook to " + "channels or leave webhookUrl out"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The subscription is not valid", problems);
        }
        if (webhook != null) {
            targets.refuseUnsafe(webhook, "webhookUrl");
        }
        Instant now = clock.instant();
        Optional<Subscription> found = Subscription.find(
                        "address = ?1 and scope = ?2 and scopeKey = ?3", address, scope, key)
                .firstResultOptional();
        Subscription s = found.orElseGet(Subscription::new);
        boolean created = found.isEmpty();
        String newSecret = null;
        if (created) {
            s.username = username;
            s.address = address;
            s.scope = scope;
            s.scopeKey = key;
            s.createdAt = now;
        }
        s.byEmail = channels.contains("email");
        s.byInbox = channels.contains("inbox");
        if (webhook == null) {
            s.webhookUrl = null;
            s.webhookSecret = null;
        } else if (!webhook.equals(s.webhookUrl)) {
            s.webhookUrl = webhook;
            s.webhookSecret = newSecret = secret();
        }
        s.updatedAt = now;
        ConcurrentWrites.writeOrConflict(
                s::persistAndFlush,
                "your subscription was changed at the same time from another window; reload and try again",
                "channels");
        if (created || newSecret != null) {
            for (DeprecationNotice notice : activeNotices(scope, key, domainKey)) {
                recipients.addLateSubscriber(notice, s.id, now);
            }
        }
        return new Saved(s, newSecret, created);
    }

    /** Ends the caller's subscription to {@code scope} {@code key}; false when there was none. */
    @Transactional
    public boolean unsubscribe(String scope, String key, Caller caller) {
        Optional<String> address = caller.email();
        if (address.isEmpty()) {
            return false;
        }
        return Subscription.delete("address = ?1 and scope = ?2 and scopeKey = ?3", address.get(), scope, key) > 0;
    }

    /** One of the caller's subscriptions by id; 404 when it is not theirs (or does not exist). */
    @Transactional
    public Subscription mineById(long id, Caller caller) {
        Optional<String> address = caller.email();
        return Subscription.<Subscription>findByIdOptional(id)
                .filter(s -> address.isPresent() && s.address.equals(address.get()))
                .orElseThrow(() -> Refusal.notFound("You have no subscription " + id + "."));
    }

    /** The caller's subscriptions in id order, {@code size + 1} read. */
    @Transactional
    public List<Subscription> mine(Caller caller, PageRequest page) {
        Optional<String> address = caller.email();
        if (address.isEmpty()) {
            return List.of();
        }
        long after = page.first() ? 0 : page.after(0, Long::parseLong);
        return Subscription.<Subscription>find("address = ?1 and id > ?2 order by id", address.get(), after)
                .page(0, page.limitWithLookahead())
                .list();
    }

    /** The caller's subscription to a scope, if any. */
    @Transactional
    public Optional<Subscription> of(Caller caller, String scope, String key) {
        return caller.email()
                .flatMap(address -> Subscription.<Subscription>find(
                                "address = ?1 and scope = ?2 and scopeKey = ?3", address, scope, key)
                        .firstResultOptional());
    }

    private List<DeprecationNotice> activeNotices(String scope, String key, String domainKey) {
        return Subscription.PRODUCT.equals(scope)
                ? DeprecationNotice.list("productKey = ?1 and state = ?2", key, DeprecationNotice.ACTIVE)
                // A domain has few notices active at once (each is a product's end); bounded all the same.
                : DeprecationNotice.<DeprecationNotice>find(
                                "domainKey = ?1 and state = ?2 order by id", domainKey, DeprecationNotice.ACTIVE)
                        .page(0, 1000)
                        .list();
    }

    /** The product's or domain's key checked to exist; returns the domain key. */
    private String existing(String scope, String key) {
        if (Subscription.PRODUCT.equals(scope)) {
            return lifecycle
                    .facts(key, null)
                    .map(f -> f.domainKey())
                    .orElseThrow(() -> Refusal.notFound("There is no data product '" + key + "'."));
        }
        if (!lifecycle.domainExists(key)) {
            throw Refusal.notFound("There is no domain '" + key + "'.");
        }
        return key;
    }

    private static Set<String> channels(SubscriptionRequest request) {
        if (request == null || request.channels() == null || request.channels().isEmpty()) {
            return Set.of("email", "inbox");
        }
        Set<String> chosen = new TreeSet<>();
        for (String c : request.channels()) {
            String channel = c == null ? "" : c.strip().toLowerCase(Locale.ROOT);
            if (!CHANNELS.contains(channel)) {
                throw Refusal.invalid(
                        "The subscription is not valid",
                        "channels",
                        "'" + c + "' is not a channel; choose from email, inbox, webhook");
            }
            chosen.add(channel);
        }
        return chosen;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
