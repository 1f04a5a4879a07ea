package io.signalbox.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How a row of {@code notification_delivery} (migration V16) is read into a {@link DeliveryRecord}: the one column
 * list and mapping that the outbox and the delivery worker share, so that both always read the same shape.
 */
public final class OutboxRows {

    /** The columns of a {@link DeliveryRecord}, in the order {@link #read(ResultSet)} expects them. */
    public static final String COLUMNS =
            "id, topic, group_id, recipient_key, milestone, channel, target, due_at, state,"
                    + " attempts, last_attempt_at, last_error, sent_at, message_id";

    private OutboxRows() {}

    /** The record at the result set's current row, selected with {@link #COLUMNS}. */
    public static DeliveryRecord read(ResultSet row) throws SQLException {
        return new DeliveryRecord(
                row.getLong(1),
                row.getString(2),
                row.getLong(3),
                row.getLong(4),
                row.getString(5),
                Channel.fromLabel(row.getString(6))
                        .orElseThrow(() -> new IllegalStateException("unknown channel in notification_delivery")),
                row.getString(7),
                instant(row, 8),
                row.getString(9),
                row.getInt(10),
                instant(row, 11),
                row.getString(12),
                instant(row, 13),
                row.getString(14));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
