package io.signalbox.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * While PostgreSQL cannot be reached, a request is answered {@code 503 Service Unavailable} with {@code Retry-After}
 * (RFC 9110 §15.6.4 and §10.2.3) — a problem document under /api, a friendly page elsewhere — instead of a 500: the
 * fault is passing and nobody's mistake, so callers should retry rather than report a bug. {@link ErrorMappers} asks
 * this class about every failure it did not expect.
 *
 * <p>Nothing here recovers anything: the connection pool opens fresh connections as soon as the database answers and
 * drops the broken ones (Agroal's PostgreSQL exception sorter, and validation of idle connections before use), and
 * readiness at {@code /q/health/ready} is DOWN meanwhile through Quarkus's datasource health check. How fast an
 * outage is noticed is set by the pool's login and acquisition timeouts in {@code application.properties}.
 */
public final class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);

    /** Seconds a caller is asked to wait: about what a managed PostgreSQL needs to restart or fail over. */
    public static final int RETRY_AFTER_SECONDS = 30;

    static final String TITLE = "Signalbox cannot reach its database";
    static final String DETAIL = "The catalog is unavailable for a moment because its database does not answer."
            + " Try again in a minute; if it lasts, tell the Signalbox operators.";

    /**
     * SQLSTATEs (PostgreSQL Appendix A) that say the server cannot be reached or is going away, as opposed to a
     * statement it refused: the server is shutting down, crashed or is still starting, or has no connection left.
     * Class 08 (connection exception) is judged as a class, except 08P01, a protocol violation, which is a bug.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutages() {}

    /**
     * Whether {@code failure}, or anything in its chain of causes, says that the database cannot be reached: a JDBC
     * error with a SQLSTATE of class 08 (connection exception) or one of {@link #UNAVAILABLE_STATES}, or the pool
     * giving up waiting for a connection. The chain is read whole because Hibernate, the transaction manager and
     * the pool each wrap the driver's error in their own.
     */
    public static boolean explains(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && (unavailableState(sql.getSQLState()) || poolTimedOut(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        if (state == null) {
            return false;
        }
        return (state.startsWith("08") && !state.equals("08P01")) || UNAVAILABLE_STATES.contains(state);
    }

    /**
     * Agroal's own errors carry no SQLSTATE; its message is the only sign ("Acquisition timeout while waiting for new
     * connection" when no connection could be opened in time, "Sorry, acquisition timeout!" when all were busy).
     * Either way the database cannot serve this request now, and retrying later is the right advice.
     */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** The 503 answer for {@code uri}: a problem document under /api, the error page elsewhere. */
    public static Response answer(Throwable failure, UriInfo uri) {
        // One line, not a stack trace: during an outage every request ends here, and the cause is all that matters.
        LOG.warnf("Database unavailable, answered 503 on %s: %s", uri.getPath(), deepestMessage(failure));
        Response.ResponseBuilder response =
                Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS);
        if (uri.getPath().startsWith("/api/")) {
            return response.type(ErrorMappers.PROBLEM_JSON)
                    .entity(ErrorMappers.problemJson(503, "database-unavailable", TITLE, DETAIL, List.of()))
                    .build();
        }
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(ErrorPages.render(503, TITLE, DETAIL, List.of()))
                .build();
    }

    private static String deepestMessage(Throwable failure) {
        Throwable deepest = failure;
        int depth = 0;
        while (deepest.getCause() != null && deepest.getCause() != deepest && depth++ < 32) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }
}
