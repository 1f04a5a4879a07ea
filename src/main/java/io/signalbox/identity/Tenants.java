package io.signalbox.identity;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses how a request signs in. API calls from pipelines carry bearer tokens and get 401 without one; a person in
 * the browser who follows a JSON link keeps their session. Pages use the authorization-code flow, unless the caller
 * presents a bearer token (a script or a load test fetching a page).
 */
@ApplicationScoped
public class Tenants implements TenantResolver {

    static final String API = "api";
    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        if (context.request().path().startsWith("/api/") && !hasSession(context)) {
            return API;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return API;
        }
        return null; // the default tenant: pages, sign-in and logout
    }

    private static boolean hasSession(RoutingContext context) {
        return context.request().cookies().stream()
                .anyMatch(cookie -> cookie.getName().startsWith(SESSION_COOKIE));
    }
}
