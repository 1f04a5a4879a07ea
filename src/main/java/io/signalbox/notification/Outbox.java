package io.signalbox.notification;

import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The transactional outbox (docs/notifications.md): features write what should be delivered in the same transaction
 * as the change that causes it, so a delivery row exists if and only if that change committed; the delivery worker
 * sends due rows later, at least once per row, retrying with backoff until the row is sent or dead.
 *
 * <p>Rows live in {@code notification_delivery} (migration V16). The statements run on the connection of the caller's
 * transaction (Hibernate's, through {@link Session#doReturningWork}), so they commit or roll back with it.
 */
@ApplicationScoped
public class Outbox {

    /** States a row can be in, in the order {@link #countsByState} lists them. */
    private static final List<String> STATES = List.of("pending", "sent", "dead", "cancelled");

    private static final int MAX_LABEL = 40;
    private static final int MAX_TARGET = 2048;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Writes delivery rows in the caller's transaction; a row whose identity is already there is left as it is.
     *
     * <p>One statement for the whole collection ({@code insert … select from unnest(arrays) on conflict do nothing}):
     * thousands of rows cost one round trip, not one per row.
     *
     * @return how many rows were written
     * @throws IllegalArgumentException when a request is incomplete (a null field, a topic or milestone over 40
     *     characters, a target over 2 048): a programming error of the feature that asks
     */
    @Transactional(TxType.MANDATORY)
    public int enqueue(Collection<DeliveryRequest> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        requests.forEach(Outbox::refuseUnlessComplete);
        int n = requests.size();
        String[] topics = new String[n];
        Long[] groups = new Long[n];
        Long[] recipients = new Long[n];
        String[] milestones = new String[n];
        String[] channels = new String[n];
        String[] targets = new String[n];
        String[] dues = new String[n];
        int i = 0;
        for (DeliveryRequest request : requests) {
            topics[i] = request.topic();
            groups[i] = request.groupId();
            recipients[i] = request.recipientKey();
            milestones[i] = request.milestone();
            channels[i] = request.channel().label();
            targets[i] = request.target();
            // ISO-8601 in UTC, which PostgreSQL reads as timestamptz without loss (microseconds are kept)
            dues[i] = request.dueAt().toString();
            i++;
        }
        Instant now = clock.instant();
        return work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into notification_delivery (topic, group_id, recipient_key, milestone, channel, target,
                                                       due_at, next_attempt_at, created_at)
                    select r.topic, r.group_id, r.recipient_key, r.milestone, r.channel, r.target,
                           r.due_at::timestamptz, r.due_at::timestamptz, ?
                    from unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
                                ?::varchar[]) as r(topic, group_id, recipient_key, milestone, channel, target, due_at)
                    on conflict (topic, group_id, recipient_key, milestone, channel) do nothing
                    """)) {
                insert.setObject(1, now.atOffset(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("varchar", topics));
                insert.setArray(3, connection.createArrayOf("bigint", groups));
                insert.setArray(4, connection.createArrayOf("bigint", recipients));
                insert.setArray(5, connection.createArrayOf("varchar", milestones));
                insert.setArray(6, connection.createArrayOf("varchar", channels));
                insert.setArray(7, connection.createArrayOf("varchar", targets));
                insert.setArray(8, connection.createArrayOf("varchar", dues));
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Moves the pending rows of one milestone of a group to a new due time (a notice's sunset moved). A row waiting
     * after a failed attempt is tried again at the new due time.
     *
     * @return how many rows moved
     */
    @Transactional(TxType.MANDATORY)
    public int reschedule(String topic, long groupId, String milestone, Instant dueAt) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update notification_delivery set due_at = ?, next_attempt_at = ?
                    where topic = ? and group_id = ? and milestone = ? and state = 'pending'
                    """)) {
                update.setObject(1, dueAt.atOffset(ZoneOffset.UTC));
                update.setObject(2, dueAt.atOffset(ZoneOffset.UTC));
                update.setString(3, topic);
                update.setLong(4, groupId);
                update.setString(5, milestone);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Cancels the pending rows of a group whose milestone is one of {@code milestones} (all when empty). A row that a
     * worker is sending at this moment may still go out; the worker then records it as sent.
     *
     * @return how many rows were cancelled
     */
    @Transactional(TxType.MANDATORY)
    public int cancelPending(String topic, long groupId, Set<String> milestones) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update notification_delivery set state = 'cancelled', lease_until = null
                    where topic = ? and group_id = ? and state = 'pending'
                      and (cardinality(?::varchar[]) = 0 or milestone = any(?::varchar[]))
                    """)) {
                Array labels = connection.createArrayOf("varchar", milestones.toArray(String[]::new));
                update.setString(1, topic);
                update.setLong(2, groupId);
                update.setArray(3, labels);
                update.setArray(4, labels);
                return update.executeUpdate();
            }
        });
    }

    /**
     * The rows of a group, oldest first, keyset-paged by row id (the cursor's one key part is the last id seen, as
     * {@link io.signalbox.web.Paging#page} writes it with {@code r -> List.of(String.valueOf(r.id()))}).
     *
     * @return at most {@link PageRequest#limitWithLookahead()} rows: one more than the page when there is a next page
     * @throws io.signalbox.web.Refusal.Malformed (400) naming {@code after} when the cursor is not an id
     */
    @Transactional
    public List<DeliveryRecord> log(String topic, long groupId, PageRequest page) {
        long after = page.first() ? 0L : page.after(0, Long::parseLong);
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + OutboxRows.COLUMNS
                    + " from notification_delivery where topic = ? and group_id = ? and id > ? order by id limit ?")) {
                select.setString(1, topic);
                select.setLong(2, groupId);
                select.setLong(3, after);
                select.setInt(4, page.limitWithLookahead());
                return records(select);
            }
        });
    }

    /** The rows of one recipient of a group, oldest first (at most a few dozen: milestones × channels). */
    @Transactional
    public List<DeliveryRecord> ofRecipient(String topic, long groupId, long recipientKey) {
        return work(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("select " + OutboxRows.COLUMNS + " from notification_delivery"
                            + " where topic = ? and group_id = ? and recipient_key = ? order by id")) {
                select.setString(1, topic);
                select.setLong(2, groupId);
                select.setLong(3, recipientKey);
                return records(select);
            }
        });
    }

    /**
     * How many rows of a group are in each state ({@code pending}, {@code sent}, {@code dead}, {@code cancelled}), in
     * that order, every state present (0 when none).
     */
    @Transactional
    public Map<String, Long> countsByState(String topic, long groupId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(state -> counts.put(state, 0L));
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select state, count(*) from"
                    + " notification_delivery where topic = ? and group_id = ? group by state")) {
                select.setString(1, topic);
                select.setLong(2, groupId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return null;
        });
        return counts;
    }

    private static void refuseUnlessComplete(DeliveryRequest request) {
        Objects.requireNonNull(request, "a delivery request");
        if (request.topic() == null
                || request.topic().isBlank()
                || request.topic().length() > MAX_LABEL
                || request.milestone() == null
                || request.milestone().isBlank()
                || request.milestone().length() > MAX_LABEL
                || request.channel() == null
                || request.target() == null
                || request.target().isBlank()
                || request.target().length() > MAX_TARGET
                || request.dueAt() == null) {
            throw new IllegalArgumentException("Incomplete delivery request (topic and milestone 1 to 40 characters,"
                    + " channel, target up to 2048 characters and due time are required): " + request);
        }
    }

    private static List<DeliveryRecord> records(PreparedStatement select) throws SQLException {
        List<DeliveryRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(OutboxRows.read(rows));
            }
        }
        return records;
    }

    /**
     * The whole outbox's backlog, for monitoring: rows still pending (due or not) and when the oldest of them was
     * written (null when none). One query over the partial index of pending rows.
     *
     * @param pending rows in state pending
     * @param oldestCreatedAt the creation time of the oldest pending row, or null
     */
    public record Backlog(long pending, Instant oldestCreatedAt) {}

    /** The outbox's backlog now ({@link Backlog}); the pending rows only, however large the table. */
    @Transactional
    public Backlog backlog() {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "select count(*), min(created_at) from notification_delivery where state = 'pending'");
                    ResultSet row = select.executeQuery()) {
                row.next();
                java.sql.Timestamp oldest = row.getTimestamp(2);
                return new Backlog(row.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        });
    }

    private <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
