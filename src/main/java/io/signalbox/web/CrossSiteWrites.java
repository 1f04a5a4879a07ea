package io.signalbox.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery defence for writes made with the session cookie. The cookie is SameSite=Lax, so other
 * sites cannot send it with a POST; on top of that, a browser write must come from Signalbox's own origin (checked
 * with the Origin and Sec-Fetch-Site headers browsers always send on such requests). Pipelines that call the API with
 * a bearer token are not affected: a token cannot be forged by another site.
 */
public class CrossSiteWrites {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSiteWrites(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        boolean crossSite =
                fetchSite != null && !Set.of("same-origin", "none").contains(fetchSite.toLowerCase(Locale.ROOT));
        boolean foreignOrigin = origin != null && !"null".equals(origin) && !sameOrigin(origin, request);
        if (!crossSite && !foreignOrigin && !"null".equals(origin)) {
            return Optional.empty();
        }
        String detail = "This change was sent from another site, so it was refused. Make it from Signalbox's own pages,"
                + " or call the API with a bearer token.";
        boolean api = request.getUriInfo().getPath().startsWith("/api/");
        return Optional.of(Response.status(403)
                .type(api ? ErrorMappers.PROBLEM_JSON : "text/html; charset=utf-8")
                .entity(
                        api
                                ? ErrorMappers.problemJson(
                                        403, "cross-site-request", "Cross-site change refused", detail, List.of())
                                : ErrorPages.render(403, "Cross-site change refused", detail, List.of()))
                .build());
    }

    private static boolean sameOrigin(String origin, ContainerRequestContext request) {
        URI base = request.getUriInfo().getBaseUri();
        try {
            URI claimed = URI.create(origin);
            return base.getScheme().equalsIgnoreCase(claimed.getScheme())
                    && base.getHost().equalsIgnoreCase(claimed.getHost())
                    && effectivePort(base) == effectivePort(claimed);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
