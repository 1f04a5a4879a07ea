package io.signalbox.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * A request id for every HTTP request: taken from the {@code X-Request-Id} header a proxy or ingress set (when it looks
 * like an id: 8 to 64 letters, digits, {@code . _ : -}), otherwise made here (a random UUID). It is answered in the
 * same header, put in the logging context ({@code requestId}, in every log line written while the request is handled,
 * text or JSON) and in every error answer ({@code requestId} of a problem document, the reference on an error page),
 * so that a person can quote it and an operator can find the lines.
 *
 * <p>Registered as a Vert.x filter, so it covers every route (pages, API, static files, health). Quarkus keeps the
 * logging context per request (on the request's duplicated Vert.x context), also on worker threads.
 */
@ApplicationScoped
public class RequestIds {

    /** The header the id comes in (from a proxy) and goes out in. */
    public static final String HEADER = "X-Request-Id";

    /** The logging context key: {@code %X{requestId}} in the log format. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void register(@Observes Filters filters) {
        // Before everything else (authentication included), so that every line of the request carries the id.
        filters.register(
                context -> {
                    String given = context.request().getHeader(HEADER);
                    String id = given != null && ACCEPTABLE.matcher(given).matches()
                            ? given
                            : UUID.randomUUID().toString();
                    MDC.put(MDC_KEY, id);
                    context.put(MDC_KEY, id);
                    context.response().putHeader(HEADER, id);
                    context.next();
                },
                Integer.MAX_VALUE);
    }

    /** The id of the request being handled, or null outside a request (a scheduled job, start-up). */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
