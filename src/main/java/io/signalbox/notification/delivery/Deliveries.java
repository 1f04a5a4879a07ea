package io.signalbox.notification.delivery;

import io.signalbox.notification.Channel;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.MessageIds;
import io.signalbox.notification.OutboxRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The delivery worker's statements on {@code notification_delivery}: claiming due rows and recording what became of
 * them. Each method is one short transaction of its own when called outside one (the worker never holds a transaction
 * while it sends), and every state change after the claim applies only to a row still pending, so a row that was
 * cancelled, or marked by a faster worker, is not overwritten.
 */
@ApplicationScoped
public class Deliveries {

    /** Longest {@code last_error} kept (the column's width). */
    static final int MAX_ERROR = 2000;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "signalbox.public-url", defaultValue = "http://localhost:8080")
    URI publicUrl;

    /**
     * Takes up to {@code limit} rows that are due at {@code now} (pending, {@code due_at} and {@code next_attempt_at}
     * passed, no live lease) for one of {@code channels}, oldest due first, and leases them until {@code leaseUntil}:
     * {@code FOR UPDATE SKIP LOCKED} lets several workers claim at once without waiting for or taking each other's
     * rows, and the lease keeps a claimed row from being claimed again until it passes (then its worker is presumed
     * dead and the row is sent again). Counts the attempt, and fixes the {@code Message-ID} of an email row.
     */
    @Transactional
    public List<DeliveryRecord> claim(int limit, Instant now, Instant leaseUntil, Collection<Channel> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<DeliveryRecord> claimed = work(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("""
                    with due as (
                        select id as due_id from notification_delivery
                        where state = 'pending' and next_attempt_at <= ? and due_at <= ?
                          and (lease_until is null or lease_until <= ?) and channel = any(?::varchar[])
                        order by next_attempt_at, id
                        limit ?
                        for update skip locked)
                    update notification_delivery d
                    set lease_until = ?, attempts = d.attempts + 1, last_attempt_at = ?
                    from due where d.id = due.due_id
                    returning\s""" + OutboxRows.COLUMNS)) {
                claim.setObject(1, utc(now));
                claim.setObject(2, utc(now));
                claim.setObject(3, utc(now));
                claim.setArray(
                        4,
                        connection.createArrayOf(
                                "varchar", channels.stream().map(Channel::label).toArray(String[]::new)));
                claim.setInt(5, limit);
                claim.setObject(6, utc(leaseUntil));
                claim.setObject(7, utc(now));
                List<DeliveryRecord> rows = new ArrayList<>();
                try (ResultSet result = claim.executeQuery()) {
                    while (result.next()) {
                        rows.add(OutboxRows.read(result));
                    }
                }
                return rows;
            }
        });
        return withMessageIds(claimed);
    }

    /** Records that the channel accepted the row (also a row cancelled while it was being sent: it did go out). */
    @Transactional
    public boolean markSent(long id, Instant now) {
        return update(
                        // last_error stays: the owner's log shows that a row sent on its second attempt failed
                        // once, and why (issue 13: every attempt and failure).
                        "update notification_delivery set state = 'sent', sent_at = ?, lease_until = null"
                                + " where id = ? and state in ('pending', 'cancelled')",
                        utc(now),
                        id)
                == 1;
    }

    /** Records that the row is no longer wanted (its source rendered nothing). */
    @Transactional
    public boolean cancel(long id) {
        return update(
                        "update notification_delivery set state = 'cancelled', lease_until = null"
                                + " where id = ? and state = 'pending'",
                        id)
                == 1;
    }

    /** Records a failed attempt and when to try again; the row stays pending. */
    @Transactional
    public boolean retryLater(long id, String error, Instant nextAttemptAt) {
        return update(
                        "update notification_delivery set last_error = ?, next_attempt_at = ?, lease_until = null"
                                + " where id = ? and state = 'pending'",
                        truncate(error),
                        utc(nextAttemptAt),
                        id)
                == 1;
    }

    /**
     * Gives the row up: dead, with the reason. Only a pending row moves, so a row dies once.
     *
     * @return the dead row, empty when it was no longer pending (someone else marked it)
     */
    @Transactional
    public Optional<DeliveryRecord> markDead(long id, String error) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update notification_delivery set state = 'dead', last_error = ?, lease_until = null"
                            + " where id = ? and state = 'pending' returning " + OutboxRows.COLUMNS)) {
                update.setString(1, truncate(error));
                update.setLong(2, id);
                try (ResultSet result = update.executeQuery()) {
                    return result.next() ? Optional.of(OutboxRows.read(result)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Says on the due pending rows of channels that no sender in this portal serves why they wait (written once, not
     * at every tick); they are sent when a portal with that sender runs.
     *
     * @return how many rows wait for a sender (whether just noted or noted before)
     */
    @Transactional
    public int noteWaitingForSender(Channel channel, Instant now) {
        String note = "no sender for channel '" + channel.label() + "' in this portal; waiting for one";
        update(
                "update notification_delivery set last_error = ? where state = 'pending' and channel = ?"
                        + " and due_at <= ? and last_error is distinct from ?",
                note,
                channel.label(),
                utc(now),
                note);
        return work(connection -> {
            try (PreparedStatement count = connection.prepareStatement("select count(*) from notification_delivery"
                    + " where state = 'pending' and channel = ? and due_at <= ?")) {
                count.setString(1, channel.label());
                count.setObject(2, utc(now));
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
    }

    private List<DeliveryRecord> withMessageIds(List<DeliveryRecord> claimed) {
        List<DeliveryRecord> rows = new ArrayList<>(claimed.size());
        List<DeliveryRecord> fixed = new ArrayList<>();
        for (DeliveryRecord row : claimed) {
            if (row.channel() == Channel.EMAIL && row.messageId() == null) {
                DeliveryRecord withId = new DeliveryRecord(
                        row.id(),
                        row.topic(),
                        row.groupId(),
                        row.recipientKey(),
                        row.milestone(),
                        row.channel(),
                        row.target(),
                        row.dueAt(),
                        row.state(),
                        row.attempts(),
                        row.lastAttemptAt(),
                        row.lastError(),
                        row.sentAt(),
                        MessageIds.of(row.id(), publicUrl));
                fixed.add(withId);
                rows.add(withId);
            } else {
                rows.add(row);
            }
        }
        if (!fixed.isEmpty()) {
            work(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "update notification_delivery set message_id = ? where id = ? and message_id is null")) {
                    for (DeliveryRecord row : fixed) {
                        update.setString(1, row.messageId());
                        update.setLong(2, row.id());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                return null;
            });
        }
        return rows;
    }

    private int update(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    private <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }
}
