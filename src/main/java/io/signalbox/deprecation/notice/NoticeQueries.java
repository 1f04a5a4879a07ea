package io.signalbox.deprecation.notice;

import io.signalbox.deprecation.notice.NoticeViews.DeliveryView;
import io.signalbox.deprecation.notice.NoticeViews.EventView;
import io.signalbox.deprecation.notice.NoticeViews.NoticeView;
import io.signalbox.deprecation.notice.NoticeViews.RecipientView;
import io.signalbox.deprecation.notice.NoticeViews.Successor;
import io.signalbox.identity.Caller;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Outbox;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads notices, their recipients, deliveries and history for pages and the API; every list keyset-paged. */
@ApplicationScoped
public class NoticeQueries {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * The notice a product's notice page shows: {@code noticeId} when given (it must be this product's), else the
     * active notice (the whole product's first, then the newest line's), else the latest one.
     */
    /**
     * The {@code notice} query parameter read as a notice id: absent or blank is null; anything but a positive whole
     * number is a 400 naming it (notice ids are bigint, so the guard against int overflow does not apply).
     */
    public static Long noticeId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.malformed(
                "The notice id is not valid",
                List.of(new FieldProblem(
                        "notice",
                        "must be a notice's id, a positive whole number; leave it out for "
                                + "the product's current notice")));
    }

    /**
     * Who a notice reached (recipients, deliveries) is for the owners of its product's domain and the council.
     *
     * @throws Refusal.Forbidden for anyone else
     */
    public static void refuseUnlessSeesLog(String domainKey, Caller caller) {
        if (!caller.owns(domainKey) && !caller.isCouncil()) {
            throw Refusal.forbidden("Only owners of domain '" + domainKey
                    + "' and the governance council may see who a notice reached.");
        }
    }

    @Transactional
    public Optional<DeprecationNotice> shown(String productKey, Long noticeId) {
        if (noticeId != null) {
            DeprecationNotice notice = DeprecationNotice.findById(noticeId);
            if (notice == null || !notice.productKey.equals(productKey)) {
                throw Refusal.notFound("Product " + productKey + " has no notice " + noticeId + ".");
            }
            return Optional.of(notice);
        }
        return DeprecationNotice.<DeprecationNotice>find(
                        "productKey = ?1 order by case when state = 'active' then 0 else 1 end,"
                                + " case when majorVersion is null then 0 else 1 end, id desc",
                        productKey)
                .firstResultOptional();
    }

    @Transactional
    public NoticeView view(DeprecationNotice n) {
        Object[] counts = (Object[]) em.createNativeQuery("select count(acknowledged_at), count(migrated_at)"
                        + " from deprecation_recipient where notice_id = :n and kind <> 'owner'")
                .setParameter("n", n.id)
                .getSingleResult();
        return new NoticeView(
                n.id,
                n.productKey,
                n.domainKey,
                n.majorVersion,
                n.state,
                n.reason,
                n.sunset,
                n.sunsetAt,
                n.issuedAt,
                n.issuedBy,
                n.successorKey == null ? null : new Successor(n.successorKey, n.successorVersion, successorPath(n)),
                n.noSuccessorReason,
                n.migrationGuide,
                n.extendedAt,
                n.rescindedAt,
                n.rescindReason,
                n.retiredAt,
                n.isActive() ? NoticeMessages.daysLeft(n.sunsetAt, clock.instant()) : 0,
                n.recipientCount,
                ((Number) counts[0]).longValue(),
                ((Number) counts[1]).longValue(),
                outbox.countsByState(Recipients.TOPIC, n.id),
                n.lockVersion);
    }

    /** Where an acknowledgement link leads: the notice and its recipient's standing. */
    public record LinkTarget(NoticeView notice, String displayName, boolean acknowledged, boolean migrated) {}

    /** The notice and recipient an acknowledgement link names; empty when the recipient no longer exists. */
    @Transactional
    public Optional<LinkTarget> linkTarget(long recipientId) {
        return NoticeRecipient.<NoticeRecipient>findByIdOptional(recipientId)
                .map(r -> new LinkTarget(
                        view(DeprecationNotice.findById(r.noticeId)),
                        r.displayName,
                        r.acknowledgedAt != null,
                        r.migratedAt != null));
    }

    /** Recipients of a notice in id order, {@code size + 1} read. */
    @Transactional
    public List<RecipientView> recipients(long noticeId, PageRequest page) {
        long after = page.first() ? 0 : page.after(0, Long::parseLong);
        return NoticeRecipient.<NoticeRecipient>find("noticeId = ?1 and id > ?2 order by id", noticeId, after)
                .page(0, page.limitWithLookahead())
                .list()
                .stream()
                .map(r -> new RecipientView(
                        r.id,
                        r.displayName,
                        r.address,
                        r.kind,
                        r.joinedAt,
                        r.acknowledgedAt,
                        r.acknowledgedVia,
                        r.migratedAt))
                .toList();
    }

    /** The outbox rows of a notice in row order, with their recipients' names. */
    @Transactional
    public List<DeliveryView> deliveries(long noticeId, PageRequest page) {
        List<DeliveryRecord> rows = outbox.log(Recipients.TOPIC, noticeId, page);
        Set<Long> keys = rows.stream().map(DeliveryRecord::recipientKey).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!keys.isEmpty()) {
            NoticeRecipient.<NoticeRecipient>list("id in ?1", keys)
                    .forEach(r -> names.put(r.id, r.displayName + (r.address == null ? "" : " <" + r.address + ">")));
        }
        return rows.stream()
                .map(r -> DeliveryView.of(r, names.getOrDefault(r.recipientKey(), "?")))
                .toList();
    }

    /** A product's notice history, newest first (at most {@code limit}). */
    @Transactional
    public List<EventView> history(String productKey, int limit) {
        return NoticeEvent.<NoticeEvent>find("productKey = ?1 order by id desc", productKey)
                .page(0, limit)
                .list()
                .stream()
                .map(NoticeQueries::event)
                .toList();
    }

    /**
     * The feed's events, newest first: all, of a domain ({@code domainKey}) or of a product ({@code productKey}).
     */
    @Transactional
    public List<EventView> feed(String domainKey, String productKey, int limit) {
        String where = domainKey != null ? "domainKey = ?1" : productKey != null ? "productKey = ?1" : "?1 = ?1";
        Object value = domainKey != null ? domainKey : productKey != null ? productKey : "all";
        return NoticeEvent.<NoticeEvent>find(where + " order by id desc", value).page(0, limit).list().stream()
                .map(NoticeQueries::event)
                .toList();
    }

    /** The successor's page: its named version's, or the product's (its current version). */
    static String successorPath(DeprecationNotice n) {
        return "/products/" + n.successorKey + (n.successorVersion == null ? "" : "/versions/" + n.successorVersion);
    }

    static EventView event(NoticeEvent e) {
        return new EventView(e.id, e.noticeId, e.productKey, e.domainKey, e.kind, e.at, e.actor, e.summary);
    }
}
