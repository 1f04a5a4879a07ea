package io.signalbox.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Friendly error pages. Also answers any path nothing else serves, so an unknown address gets the same 404 page (or
 * problem document under /api) instead of the server's bare default.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(
                int status, String title, String detail, List<FieldProblem> problems, String requestId);
    }

    /** The error page; it shows the request id (RequestIds) so that a person can quote it. */
    public static String render(int status, String title, String detail, List<FieldProblem> problems) {
        return Templates.error(status, title, detail, problems, RequestIds.current())
                .render();
    }

    /**
     * When the identity provider does not answer, sign-in cannot happen: say so with 503 instead of the server's bare
     * 500, so people know to retry rather than report a bug.
     */
    void answerProviderOutages(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (!identityProviderUnavailable(context.failure())
                    || context.response().ended()) {
                context.next();
                return;
            }
            String detail =
                    "Sign-in is unavailable because the identity provider does not answer. Try again in a minute;"
                            + " if it lasts, tell the Signalbox operators.";
            boolean api = context.request().path().startsWith("/api/");
            context.response()
                    .setStatusCode(503)
                    .putHeader("Retry-After", "30")
                    .putHeader("Content-Type", api ? "application/problem+json" : "text/html; charset=utf-8")
                    .end(
                            api
                                    ? ErrorMappers.problemJson(
                                            503,
                                            "identity-provider-unavailable",
                                            "Sign-in is unavailable",
                                            detail,
                                            List.of())
                                    : render(503, "Sign-in is unavailable", detail, List.of()));
        });
    }

    private static boolean identityProviderUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("io.quarkus.oidc")
                    && t.getMessage() != null
                    && t.getMessage().contains("not available")) {
                return true;
            }
        }
        return false;
    }

    void answerUnknownPaths(@Observes Router router) {
        router.route().last().handler(context -> {
            if (context.request().path().startsWith("/api/")) {
                context.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", "application/problem+json")
                        .end(ErrorMappers.problemJson(
                                404,
                                "not-found",
                                "Not found",
                                "No API resource is at " + context.request().path() + ".",
                                List.of()));
            } else {
                context.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(render(
                                404,
                                "Page not found",
                                "There is nothing at this address. It may have moved, or the link may be mistyped.",
                                List.of()));
            }
        });
    }
}
