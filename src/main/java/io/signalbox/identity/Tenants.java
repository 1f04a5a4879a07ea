package io.signalbox.identity;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses how a request signs in. API calls from pipelines carry bearer tokens and get 401 without one; a person in
 * the browser who follows a JSON link keeps their session. Pages use the authorization-code flow, unless the caller
 * presents a bearer token (a script or a load test fetching a page). Feeds under {@code /feeds/} are read by feed readers
 * and pipelines, not people: without a session they are treated like the API, so an anonymous reader gets 401 with
 * {@code WWW-Authenticate: Bearer} rather than a redirect to the sign-in page it cannot follow.
 */
@ApplicationScoped
public class Tenants implements TenantResolver {

    static final String API = "api";
    /** Quarkus OIDC's id for the tenant configured without a name: pages, sign-in and logout. */
    static final String DEFAULT = "Default";

    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.request().path();
        if ((path.startsWith("/api/") || path.startsWith("/feeds/")) && !hasSession(context)) {
            return API;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return API;
        }
        // Named explicitly: on null, Quarkus would pick any tenant whose id is a segment of the path, which turns
        // "/api/…" with a session cookie into a bearer-only request (401).
        return DEFAULT;
    }

    /** Read from the header itself: the session may be split into chunk cookies (q_session_chunk_1, …). */
    private static boolean hasSession(RoutingContext context) {
        String cookies = context.request().getHeader("Cookie");
        if (cookies == null) {
            return false;
        }
        for (String cookie : cookies.split(";")) {
            if (cookie.strip().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
