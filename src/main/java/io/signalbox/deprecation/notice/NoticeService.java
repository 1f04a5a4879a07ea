package io.signalbox.deprecation.notice;

import io.signalbox.catalog.lifecycle.ProductFacts;
import io.signalbox.catalog.lifecycle.ProductLifecycle;
import io.signalbox.governance.rules.NoticePeriod;
import io.signalbox.identity.AuditLog;
import io.signalbox.identity.Caller;
import io.signalbox.notification.Inbox;
import io.signalbox.notification.Outbox;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues, extends, rescinds and retires deprecation notices, each in one transaction with its recipients and their
 * outbox rows (docs/deprecation.md). The sunset must be at least the council's minimum notice after issue
 * ({@link NoticePeriod}, never under 90 days); an extension moves it later and tells everyone; shortening is refused;
 * rescinding cancels what is still to be sent and tells everyone.
 */
@ApplicationScoped
public class NoticeService {

    static final int MAX_REASON = 2000;
    static final int MAX_GUIDE = 20_000;
    private static final Pattern SUCCESSOR =
            Pattern.compile("([a-z][a-z0-9-]{1,39}\\.[a-z0-9][a-z0-9-]{0,79})(?:@(\\S{1,80}))?");

    @Inject
    Clock clock;

    @Inject
    ProductLifecycle lifecycle;

    @Inject
    NoticePeriod period;

    @Inject
    Recipients recipients;

    @Inject
    Milestones milestones;

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    AuditLog audit;

    /**
     * Issues a notice for a product or one of its major lines, as an owner of its domain.
     *
     * @throws Refusal.NotFound when no product has this key
     * @throws Refusal.Forbidden unless the caller owns the product's domain
     * @throws Refusal.Invalid naming the field: a missing reason, a sunset sooner than the minimum notice (with the
     *     earliest allowed date), an unknown successor or major line
     * @throws Refusal.Conflict when a notice already covers the line (extend it instead) or the line is retired
     */
    @Transactional
    public DeprecationNotice issue(String productKey, NoticeRequest request, Caller caller) {
        Integer major = request == null ? null : request.majorVersion();
        ProductFacts facts = lifecycle
                .facts(productKey, major)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + productKey + "'."));
        caller.refuseUnlessOwnerOf(facts.domainKey(), "issue a deprecation notice for " + productKey);
        return issue(facts, request, caller.name(), clock.instant());
    }

    /**
     * Issues a notice as of {@code issuedAt} on behalf of {@code actor}, with every rule of {@link #issue} except the
     * right check, which the caller has made: for the demo catalog, which shows a notice issued weeks before it
     * starts. Milestones already past at {@code issuedAt}'s reckoning are due at once.
     */
    @Transactional
    public DeprecationNotice issueOnBehalf(String productKey, NoticeRequest request, String actor, Instant issuedAt) {
        Integer major = request == null ? null : request.majorVersion();
        ProductFacts facts = lifecycle
                .facts(productKey, major)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + productKey + "'."));
        return issue(facts, request, actor, issuedAt);
    }

    private DeprecationNotice issue(ProductFacts facts, NoticeRequest request, String actor, Instant now) {
        String productKey = facts.key();
        Integer major = request == null ? null : request.majorVersion();
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            throw Refusal.invalid("The notice is not valid", "reason", "is required: say why the product stops");
        }
        if (major != null && !facts.majors().contains(major)) {
            problems.add(new FieldProblem(
                    "majorVersion",
                    "no version " + major + ".x of " + productKey + " is published; its major lines are "
                            + facts.majors() + " (leave majorVersion out to deprecate the whole product)"));
        }
        checkReasonAndGuide(request, problems, true);
        Successor successor = successor(request, productKey, major, problems);
        if (request.sunset() == null) {
            problems.add(new FieldProblem(
                    "sunset", "is required: the day the product stops, such as " + earliestSunset(now)));
        } else {
            checkNotice(request.sunset(), now, problems);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The notice is not valid", problems);
        }
        refuseWhenCovered(productKey, major, facts);
        DeprecationNotice notice = new DeprecationNotice();
        notice.productKey = facts.key();
        notice.domainKey = facts.domainKey();
        notice.majorVersion = major;
        notice.state = DeprecationNotice.ACTIVE;
        notice.reason = request.reason().strip();
        notice.successorKey = successor.key();
        notice.successorVersion = successor.version();
        notice.noSuccessorReason = successor.noneBecause();
        notice.migrationGuide =
                request.migrationGuide() == null ? "" : request.migrationGuide().strip();
        notice.sunset = request.sunset();
        notice.sunsetAt = sunsetAt(request.sunset());
        notice.issuedAt = now;
        notice.issuedBy = actor;
        ConcurrentWrites.writeOrConflict(
                notice::persistAndFlush,
                "a notice for " + productKey + " was issued by someone else at the same time; read it and extend it",
                "majorVersion");
        event(notice, "issued", actor, now, "sunset " + notice.sunset + ", " + notice.scopeLabel());
        lifecycle.deprecate(productKey, major, actor);
        int count = recipients.addAll(notice, facts, now);
        audit.record(new AuditLog.Change(
                actor,
                "deprecation.issued",
                "product",
                productKey,
                facts.domainKey(),
                null,
                notice.scopeLabel() + " stops on " + notice.sunset + "; " + count + " recipients"));
        return notice;
    }

    /**
     * Moves an active notice's sunset later (and may replace its reason, successor and guide), telling every
     * recipient.
     *
     * @throws Refusal.Invalid naming {@code sunset} when it is not later than the current one
     * @throws Refusal.Conflict when the lockVersion sent is stale, or a concurrent change won
     */
    @Transactional
    public DeprecationNotice extend(String productKey, NoticeRequest request, Caller caller) {
        DeprecationNotice notice = activeOwned(
                productKey,
                request == null ? null : request.majorVersion(),
                caller,
                "extend the deprecation notice of " + productKey);
        if (request == null || request.sunset() == null) {
            throw Refusal.invalid(
                    "The extension is not valid",
                    "sunset",
                    "is required: the new, later day the product stops (now " + notice.sunset + ")");
        }
        if (request.lockVersion() != null && request.lockVersion() != notice.lockVersion) {
            throw Refusal.conflict(
                    "the notice was changed by someone else (lockVersion is now " + notice.lockVersion
                            + "); read it again and send your change",
                    "lockVersion");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.sunset().isBefore(notice.sunset)) {
            problems.add(new FieldProblem(
                    "sunset",
                    "cannot move earlier than " + notice.sunset
                            + ": consumers were promised that day; shortening a notice is not allowed (rescind it and issue a "
                            + "new one with the full notice if you must)"));
        }
        checkReasonAndGuide(request, problems, false);
        Successor successor = request.successor() == null && request.noSuccessorReason() == null
                ? new Successor(notice.successorKey, notice.successorVersion, notice.noSuccessorReason)
                : successor(request, productKey, notice.majorVersion, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The extension is not valid", problems);
        }
        Instant now = clock.instant();
        boolean moved = request.sunset().isAfter(notice.sunset);
        String before = "sunset " + notice.sunset;
        if (request.reason() != null) {
            notice.reason = request.reason().strip();
        }
        if (request.migrationGuide() != null) {
            notice.migrationGuide = request.migrationGuide().strip();
        }
        notice.successorKey = successor.key();
        notice.successorVersion = successor.version();
        notice.noSuccessorReason = successor.noneBecause();
        if (moved) {
            notice.sunset = request.sunset();
            notice.sunsetAt = sunsetAt(request.sunset());
            notice.extendedAt = now;
        }
        ConcurrentWrites.flushOrConflict(
                "the notice of " + productKey + " was changed by someone else at the same time; read it again",
                "lockVersion");
        if (moved) {
            for (Milestones.Due due : milestones.scheduled(notice.sunsetAt, Instant.MIN)) {
                outbox.reschedule(Recipients.TOPIC, notice.id, due.milestone(), due.at());
            }
            for (Milestones.Due due : milestones.digests(notice.sunsetAt, Instant.MIN)) {
                outbox.reschedule(Recipients.TOPIC, notice.id, due.milestone(), due.at());
            }
            recipients.enqueueToAll(notice, Milestones.EXTENDED_PREFIX + notice.sunset, now);
            event(
                    notice,
                    "extended",
                    caller.name(),
                    now,
                    "sunset moved from " + before.substring(7) + " to " + notice.sunset);
            audit.record(new AuditLog.Change(
                    caller.name(),
                    "deprecation.extended",
                    "product",
                    productKey,
                    notice.domainKey,
                    before,
                    "sunset " + notice.sunset));
        }
        return notice;
    }

    /**
     * Withdraws an active notice: what was still to be sent is cancelled, everyone is told, and the product is
     * published again.
     */
    @Transactional
    public DeprecationNotice rescind(String productKey, Integer major, String reason, Caller caller) {
        DeprecationNotice notice =
                activeOwned(productKey, major, caller, "rescind the deprecation notice of " + productKey);
        if (reason != null && reason.length() > MAX_REASON) {
            throw Refusal.invalid(
                    "The rescission is not valid", "reason", "is longer than " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        notice.state = DeprecationNotice.RESCINDED;
        notice.rescindedAt = now;
        notice.rescindedBy = caller.name();
        notice.rescindReason = reason == null || reason.isBlank() ? null : reason.strip();
        ConcurrentWrites.flushOrConflict(
                "the notice of " + productKey + " was changed by someone else at the same time; read it again",
                "lockVersion");
        outbox.cancelPending(Recipients.TOPIC, notice.id, Set.of());
        recipients.enqueueToAll(notice, Milestones.RESCINDED, now);
        lifecycle.reinstate(productKey, notice.majorVersion, caller.name());
        event(
                notice,
                "rescinded",
                caller.name(),
                now,
                notice.rescindReason == null ? "rescinded" : "rescinded: " + notice.rescindReason);
        audit.record(new AuditLog.Change(
                caller.name(),
                "deprecation.rescinded",
                "product",
                productKey,
                notice.domainKey,
                "sunset " + notice.sunset,
                "rescinded"));
        return notice;
    }

    /**
     * Retires a notice whose sunset has come, in the caller's transaction (the sunset job's claim): the product or
     * line becomes retired, once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retire(DeprecationNotice notice) {
        if (!notice.isActive()) {
            return;
        }
        Instant now = clock.instant();
        notice.state = DeprecationNotice.RETIRED;
        notice.retiredAt = now;
        lifecycle.retire(notice.productKey, notice.majorVersion, "signalbox");
        event(notice, "retired", "signalbox", now, notice.scopeLabel() + " retired at its sunset");
    }

    /**
     * Records that a recipient acknowledged the notice or migrated ({@code step}); idempotent (the first time is kept).
     * "migrated" also acknowledges.
     *
     * @param via {@code link}, {@code inbox} or {@code api}
     */
    @Transactional
    public NoticeRecipient acknowledge(long recipientId, String step, String by, String via) {
        NoticeRecipient recipient = NoticeRecipient.<NoticeRecipient>findByIdOptional(recipientId)
                .orElseThrow(() -> Refusal.notFound("There is no such notice recipient."));
        if (!"acknowledged".equals(step) && !"migrated".equals(step)) {
            throw Refusal.invalid("The acknowledgement is not valid", "step", "must be acknowledged or migrated");
        }
        DeprecationNotice notice = DeprecationNotice.findById(recipient.noticeId);
        if (DeprecationNotice.RESCINDED.equals(notice.state)) {
            throw Refusal.conflict("this notice was rescinded: there is nothing to acknowledge", "step");
        }
        Instant now = clock.instant();
        if (recipient.acknowledgedAt == null) {
            recipient.acknowledgedAt = now;
            recipient.acknowledgedBy = by;
            recipient.acknowledgedVia = via;
            inbox.mark(Recipients.TOPIC, notice.id, recipient.id, "acknowledged");
        }
        if ("migrated".equals(step) && recipient.migratedAt == null) {
            recipient.migratedAt = now;
            inbox.mark(Recipients.TOPIC, notice.id, recipient.id, "migrated");
        }
        return recipient;
    }

    /** The recipient of a notice with this address, if any. */
    @Transactional
    public Optional<Long> recipientId(long noticeId, String address) {
        return NoticeRecipient.<NoticeRecipient>find("noticeId = ?1 and address = ?2", noticeId, address)
                .firstResultOptional()
                .map(r -> r.id);
    }

    /** The earliest sunset allowed for a notice issued at {@code now}: the first day starting after the minimum. */
    public LocalDate earliestSunset(Instant now) {
        Instant earliest = now.plus(period.minimum());
        LocalDate day = earliest.atZone(ZoneOffset.UTC).toLocalDate();
        return sunsetAt(day).isBefore(earliest) ? day.plusDays(1) : day;
    }

    /** The instant a sunset date takes effect: the start of the day in UTC. */
    public static Instant sunsetAt(LocalDate sunset) {
        return sunset.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private void checkNotice(LocalDate sunset, Instant now, List<FieldProblem> problems) {
        Duration minimum = period.minimum();
        if (Duration.between(now, sunsetAt(sunset)).compareTo(minimum) < 0) {
            problems.add(new FieldProblem(
                    "sunset",
                    "is too soon: consumers are owed at least " + minimum.toDays()
                            + " days' notice; the earliest allowed sunset is " + earliestSunset(now)));
        }
    }

    private static void checkReasonAndGuide(NoticeRequest request, List<FieldProblem> problems, boolean required) {
        if (request.reason() == null || request.reason().isBlank()) {
            if (required) {
                problems.add(new FieldProblem("reason", "is required: say in plain words why the product stops"));
            }
        } else if (request.reason().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON + " characters"));
        }
        if (request.migrationGuide() != null && request.migrationGuide().length() > MAX_GUIDE) {
            problems.add(new FieldProblem(
                    "migrationGuide", "is longer than " + MAX_GUIDE + " characters; link to a longer guide instead"));
        }
    }

    private record Successor(String key, String version, String noneBecause) {}

    private Successor successor(NoticeRequest request, String productKey, Integer major, List<FieldProblem> problems) {
        String named = request.successor() == null ? "" : request.successor().strip();
        if (named.isEmpty() || named.equalsIgnoreCase("none")) {
            if (request.noSuccessorReason() == null
                    || request.noSuccessorReason().isBlank()) {
                problems.add(new FieldProblem(
                        named.isEmpty() ? "successor" : "noSuccessorReason",
                        named.isEmpty()
                                ? "is required: the product (or product@version) to use instead, or none with a "
                                        + "noSuccessorReason"
                                : "is required when successor is none: say why there is no replacement"));
            } else if (request.noSuccessorReason().length() > MAX_REASON) {
                problems.add(new FieldProblem("noSuccessorReason", "is longer than " + MAX_REASON + " characters"));
            }
            return new Successor(
                    null,
                    null,
                    request.noSuccessorReason() == null
                            ? null
                            : request.noSuccessorReason().strip());
        }
        Matcher m = SUCCESSOR.matcher(named);
        if (!m.matches()) {
            problems.add(new FieldProblem(
                    "successor",
                    "must be a product key such as billing.invoices-v2, a key and "
                            + "version such as billing.invoices@2.0.0, or none"));
            return new Successor(null, null, null);
        }
        String key = m.group(1);
        String version = m.group(2);
        if (!lifecycle.isPublished(key, version)) {
            problems.add(new FieldProblem(
                    "successor",
                    version == null
                            ? "no data product '" + key + "' is published; name a published product, or none"
                            : "version " + version + " of '" + key + "' is not published"));
        } else if (key.equals(productKey) && (version == null || major == null || version.startsWith(major + "."))) {
            problems.add(new FieldProblem(
                    "successor",
                    "cannot be what the notice deprecates; name another product "
                            + "or a version of another major line (for example " + productKey + "@"
                            + (major == null ? 2 : major + 1)
                            + ".0.0)"));
        }
        if (request.noSuccessorReason() != null && !request.noSuccessorReason().isBlank()) {
            problems.add(new FieldProblem("noSuccessorReason", "is only for a notice without a successor"));
        }
        return new Successor(key, version, null);
    }

    private static void refuseWhenCovered(String productKey, Integer major, ProductFacts facts) {
        if ("retired".equals(facts.status()) && (major == null || major == facts.currentMajor())) {
            throw Refusal.conflict(productKey + " is retired; there is nothing left to deprecate", "majorVersion");
        }
        DeprecationNotice.active(productKey, major).ifPresent(open -> {
            throw Refusal.conflict(
                    "a notice for " + open.scopeLabel() + " of " + productKey + " is already active " + "(sunset "
                            + open.sunset + "); extend it with PUT instead",
                    "majorVersion");
        });
        if (major != null) {
            DeprecationNotice.active(productKey, null).ifPresent(open -> {
                throw Refusal.conflict(
                        "the whole of " + productKey + " is already under a notice (sunset " + open.sunset
                                + "), which covers every line",
                        "majorVersion");
            });
            if (DeprecationNotice.count(
                            "productKey = ?1 and majorVersion = ?2 and state = ?3",
                            productKey,
                            major,
                            DeprecationNotice.RETIRED)
                    > 0) {
                throw Refusal.conflict("major line " + major + " of " + productKey + " is retired", "majorVersion");
            }
        }
    }

    private DeprecationNotice activeOwned(String productKey, Integer major, Caller caller, String action) {
        ProductFacts facts = lifecycle
                .facts(productKey, null)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + productKey + "'."));
        caller.refuseUnlessOwnerOf(facts.domainKey(), action);
        return DeprecationNotice.active(productKey, major)
                .orElseThrow(() -> Refusal.notFound("There is no active deprecation notice for "
                        + (major == null ? "the whole of " + productKey : "major line " + major + " of " + productKey)
                        + "."));
    }

    private static void event(DeprecationNotice notice, String kind, String actor, Instant at, String summary) {
        NoticeEvent event = new NoticeEvent();
        event.noticeId = notice.id;
        event.productKey = notice.productKey;
        event.domainKey = notice.domainKey;
        event.kind = kind;
        event.at = at;
        event.actor = actor;
        event.summary = summary;
        event.persist();
        Objects.requireNonNull(event);
    }
}
