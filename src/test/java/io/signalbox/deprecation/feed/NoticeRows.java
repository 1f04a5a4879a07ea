package io.signalbox.deprecation.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Notices and their events written straight into {@code deprecation_notice} and {@code deprecation_event}, for feed
 * tests that need many events, fixed times or text the API would refuse at the door. What the feed reads is exactly
 * these rows, whoever wrote them; one test also issues a notice through the API.
 */
final class NoticeRows {

    private final DataSource db;

    NoticeRows(DataSource db) {
        this.db = db;
    }

    /** A notice as its columns; the successor is {@code successorKey} or, when null, none because of a reason. */
    record Notice(
            String productKey,
            String domainKey,
            Integer major,
            String state,
            String reason,
            String successorKey,
            LocalDate sunset,
            Instant issuedAt) {

        static Notice active(String productKey, String domainKey, String reason, LocalDate sunset, Instant issuedAt) {
            return new Notice(productKey, domainKey, null, "active", reason, null, sunset, issuedAt);
        }

        Notice successor(String key) {
            return new Notice(productKey, domainKey, major, state, reason, key, sunset, issuedAt);
        }

        Notice major(int line) {
            return new Notice(productKey, domainKey, line, state, reason, successorKey, sunset, issuedAt);
        }
    }

    /** The ids of a notice and of its {@code issued} event. */
    record Issued(long notice, long event) {}

    /** Inserts the notice and its {@code issued} event. */
    Issued issue(Notice n) {
        long id = insertNotice(n);
        long event = event(
                id,
                n.productKey(),
                n.domainKey(),
                "issued",
                n.issuedAt(),
                "sunset " + n.sunset() + ", the whole product");
        return new Issued(id, event);
    }

    long insertNotice(Notice n) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("insert into deprecation_notice (product_key, domain_key,"
                        + " major_version, state, reason, successor_key, no_successor_reason, sunset, sunset_at,"
                        + " issued_at, issued_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test-owner') returning id")) {
            s.setString(1, n.productKey());
            s.setString(2, n.domainKey());
            if (n.major() == null) {
                s.setNull(3, Types.INTEGER);
            } else {
                s.setInt(3, n.major());
            }
            s.setString(4, n.state());
            s.setString(5, n.reason());
            s.setString(6, n.successorKey());
            s.setString(7, n.successorKey() == null ? "Nobody needs it any more." : null);
            s.setObject(8, n.sunset());
            s.setTimestamp(
                    9, Timestamp.from(n.sunset().atStartOfDay(ZoneOffset.UTC).toInstant()));
            s.setTimestamp(10, Timestamp.from(n.issuedAt()));
            return single(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts one event of a notice; returns its id. */
    long event(long noticeId, String productKey, String domainKey, String kind, Instant at, String summary) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("insert into deprecation_event (notice_id, product_key,"
                        + " domain_key, kind, at, actor, summary) values (?, ?, ?, ?, ?, 'test-owner', ?)"
                        + " returning id")) {
            s.setLong(1, noticeId);
            s.setString(2, productKey);
            s.setString(3, domainKey);
            s.setString(4, kind);
            s.setTimestamp(5, Timestamp.from(at));
            s.setString(6, summary);
            return single(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves a notice's sunset, as an extension does (the lock version goes up). */
    void moveSunset(long noticeId, LocalDate sunset) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("update deprecation_notice set sunset = ?, sunset_at = ?,"
                        + " lock_version = lock_version + 1 where id = ?")) {
            s.setObject(1, sunset);
            s.setTimestamp(2, Timestamp.from(sunset.atStartOfDay(ZoneOffset.UTC).toInstant()));
            s.setLong(3, noticeId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes a notice's state as its service would: the lock version goes up. */
    void update(long noticeId, String column, String value) {
        if (!column.matches("[a-z_]+")) {
            throw new IllegalArgumentException(column);
        }
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("update deprecation_notice set " + column
                        + " = ?, lock_version = lock_version + 1 where id = ?")) {
            s.setString(1, value);
            s.setLong(2, noticeId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
