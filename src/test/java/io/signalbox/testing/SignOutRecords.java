package io.signalbox.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the register of signed-out sessions (table signed_out_session) holds, read straight from PostgreSQL. */
public final class SignOutRecords {

    /** One row: the session's key and until when it is refused. */
    public record Row(String sessionKey, Instant issuedUpTo, Instant refusedUntil) {}

    private SignOutRecords() {}

    /** The sign-outs recorded at or after {@code since} (the portal's clock), newest first. */
    public static List<Row> since(DataSource database, Instant since) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select session_key, issued_up_to, refused_until from signed_out_session"
                                + " where signed_out_at >= ? order by signed_out_at desc")) {
            query.setTimestamp(1, Timestamp.from(since));
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getString(1),
                            result.getTimestamp(2).toInstant(),
                            result.getTimestamp(3).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row, whenever recorded. */
    public static List<Row> all(DataSource database) {
        return since(database, Instant.EPOCH);
    }
}
