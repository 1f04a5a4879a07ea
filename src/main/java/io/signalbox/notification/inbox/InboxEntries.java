package io.signalbox.notification.inbox;

import io.signalbox.notification.AcknowledgementRequested;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Inbox;
import io.signalbox.notification.Message;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The entries of people's inboxes (table {@code notification_inbox_entry}, V17): written once per delivered inbox row,
 * listed newest first by address, read, acknowledged and marked migrated by their owner (docs/inbox.md).
 */
@ApplicationScoped
public class InboxEntries {

    /** Page sizes of an inbox. */
    public static final int DEFAULT_SIZE = 20, MAX_SIZE = 100;

    private static final String COLUMNS =
            "id, topic, subject, body, link, acknowledgeable, created_at, read_at," + " acknowledged_at, migrated_at";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AcknowledgementRequested> acknowledgements;

    /**
     * Writes the entry of one delivered inbox row, addressed to the row's target; a second call for the same row
     * (a resend after a crash between writing and marking sent) writes nothing.
     *
     * @return true when the entry was written now, false when the row already had its entry
     */
    @Transactional
    public boolean deliver(DeliveryRecord delivery, Message message) {
        int written = em.createNativeQuery(
                        "insert into notification_inbox_entry (delivery_id, address, topic, group_id,"
                                + " recipient_key, subject, body, link, acknowledgeable, created_at) values (:delivery,"
                                + " :address, :topic, :group, :recipient, :subject, :body, :link, :acknowledgeable, :now)"
                                + " on conflict (delivery_id) do nothing")
                .setParameter("delivery", delivery.id())
                .setParameter("address", delivery.target().strip().toLowerCase(Locale.ROOT))
                .setParameter("topic", delivery.topic())
                .setParameter("group", delivery.groupId())
                .setParameter("recipient", delivery.recipientKey())
                // A source that renders no subject or text still gives the person an entry rather than a row retried
                // for days.
                .setParameter("subject", Objects.requireNonNullElse(message.subject(), ""))
                .setParameter("body", Objects.requireNonNullElse(message.text(), ""))
                .setParameter("link", webLink(message))
                .setParameter("acknowledgeable", message.acknowledgeable())
                .setParameter("now", now())
                .executeUpdate();
        return written == 1;
    }

    /** One page of the inbox of {@code address}, newest first (created_at desc, id desc), read with lookahead. */
    @Transactional(TxType.SUPPORTS)
    public List<InboxEntry> of(String address, PageRequest page) {
        String seek = page.first() ? "" : " and (created_at, id) < (:at, :id)";
        var query = em.createNativeQuery(
                        "select " + COLUMNS + " from notification_inbox_entry where address = :address" + seek
                                + " order by created_at desc, id desc limit :limit",
                        Object[].class)
                .setParameter("address", address)
                .setParameter("limit", page.limitWithLookahead());
        if (!page.first()) {
            query.setParameter("at", page.after(0, InboxEntries::cursorTime))
                    .setParameter("id", page.after(1, Long::parseLong));
        }
        return rows(query.getResultList());
    }

    /** A cursor's time, within the years PostgreSQL stores (an altered cursor could carry any instant). */
    private static OffsetDateTime cursorTime(String text) {
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
        if (at.getYear() < 1 || at.getYear() > 9999) {
            throw new IllegalArgumentException("not a time this list wrote");
        }
        return at;
    }

    /** The entry {@code id} if it belongs to {@code address}. */
    @Transactional(TxType.SUPPORTS)
    public Optional<InboxEntry> find(long id, String address) {
        return rows(em.createNativeQuery(
                                "select " + COLUMNS
                                        + " from notification_inbox_entry where id = :id and address = :address",
                                Object[].class)
                        .setParameter("id", id)
                        .setParameter("address", address)
                        .getResultList())
                .stream()
                .findFirst();
    }

    /** How many entries of {@code address} are unread (one count over a partial index). */
    @Transactional(TxType.SUPPORTS)
    public long unreadCount(String address) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from notification_inbox_entry where address = :address and read_at is null")
                        .setParameter("address", address)
                        .getSingleResult())
                .longValue();
    }

    /** Marks the given entries of {@code address} read (those shown on the inbox page); already read ones keep their time. */
    @Transactional
    public void markRead(String address, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("update notification_inbox_entry set read_at = :now"
                        + " where address = :address and id in (:ids) and read_at is null")
                .setParameter("now", now())
                .setParameter("address", address)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /**
     * Takes a step on an entry for its owner: {@code acknowledged}, or {@code migrated} (which acknowledges first when
     * the person had not). Each step not yet taken fires {@link AcknowledgementRequested} synchronously in this
     * transaction, so the feature that sent the entry records it (or refuses with a {@link Refusal}, which rolls the
     * whole step back); a step already taken changes nothing and fires nothing. The entry's row is locked for the
     * transaction, so two concurrent acknowledgements fire one event.
     *
     * @param step {@code acknowledged} or {@code migrated}; null means {@code acknowledged}
     * @param by the signed-in person's username, passed on in the event
     * @return the entry as it is now
     * @throws Refusal.NotFound when the entry does not exist or belongs to someone else (the same answer, so that ids
     *     of other people's entries cannot be probed)
     * @throws Refusal.Invalid naming {@code step} when it is neither step
     * @throws Refusal.Conflict naming {@code id} when the entry is for information only
     */
    @Transactional
    public InboxEntry takeStep(long id, String address, String step, String by) {
        String wanted = stepOrDefault(step);
        List<Object[]> locked = em.createNativeQuery(
                        "select topic, group_id, recipient_key, acknowledgeable, acknowledged_at, migrated_at"
                                + " from notification_inbox_entry where id = :id and address = :address for update",
                        Object[].class)
                .setParameter("id", id)
                .setParameter("address", address)
                .getResultList();
        if (locked.isEmpty()) {
            throw notInYourInbox();
        }
        Object[] row = locked.get(0);
        String topic = (String) row[0];
        long groupId = ((Number) row[1]).longValue();
        long recipientKey = ((Number) row[2]).longValue();
        if (!(Boolean) row[3]) {
            throw Refusal.conflict(
                    "Inbox entry " + id + " is for information only: there is nothing to acknowledge.", "id");
        }
        boolean acknowledged = row[4] != null;
        boolean migrated = row[5] != null;
        if (!acknowledged) {
            acknowledgements.fire(new AcknowledgementRequested(topic, groupId, recipientKey, Inbox.ACKNOWLEDGED, by));
        }
        if (Inbox.MIGRATED.equals(wanted) && !migrated) {
            acknowledgements.fire(new AcknowledgementRequested(topic, groupId, recipientKey, Inbox.MIGRATED, by));
        }
        if (!acknowledged || (Inbox.MIGRATED.equals(wanted) && !migrated)) {
            em.createNativeQuery("update notification_inbox_entry set read_at = coalesce(read_at, :now),"
                            + " acknowledged_at = coalesce(acknowledged_at, :now),"
                            + " migrated_at = case when :migrated then coalesce(migrated_at, :now) else migrated_at end"
                            + " where id = :id")
                    .setParameter("now", now())
                    .setParameter("migrated", Inbox.MIGRATED.equals(wanted))
                    .setParameter("id", id)
                    .executeUpdate();
        }
        return find(id, address).orElseThrow(() -> notInYourInbox());
    }

    /**
     * The step asked for: {@code acknowledged} when {@code step} is null.
     *
     * @throws Refusal.Invalid naming {@code step} when it is neither {@code acknowledged} nor {@code migrated}
     */
    static String stepOrDefault(String step) {
        String wanted = step == null ? Inbox.ACKNOWLEDGED : step;
        if (!Inbox.ACKNOWLEDGED.equals(wanted) && !Inbox.MIGRATED.equals(wanted)) {
            throw Refusal.invalid(
                    "The step is not one an inbox entry knows",
                    "step",
                    "must be 'acknowledged' or 'migrated' (or left out, which means 'acknowledged')");
        }
        return wanted;
    }

    /** The one answer for an entry that is missing or someone else's; it repeats no id, so it echoes no input. */
    static Refusal.NotFound notInYourInbox() {
        return Refusal.notFound("Your inbox has no such entry. Open your inbox at /me/inbox to see your entries.");
    }

    /** Only an http(s) address becomes a link on the page: any other scheme (javascript:, data:) is dropped. */
    private static String webLink(Message message) {
        if (message.link() == null || message.link().getScheme() == null) {
            return null;
        }
        String scheme = message.link().getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") ? message.link().toString() : null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static List<InboxEntry> rows(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new InboxEntry(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (Boolean) r[5],
                        instant(r[6]),
                        instant(r[7]),
                        instant(r[8]),
                        instant(r[9])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
