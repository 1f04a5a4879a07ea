package io.signalbox.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages and API answers are for the person who asked: {@code Cache-Control: no-store} (RFC 9111 §5.2.2.5) keeps them
 * out of shared caches and out of the browser's history cache, so that after sign-out Back shows no catalog page and
 * a proxy never hands one person's answer to another. Static assets under {@code /ui} are not resources and stay
 * cacheable; a resource that sets its own Cache-Control keeps it.
 */
public class PrivateAnswers {

    static final String NO_STORE = "no-store";

    @ServerResponseFilter
    public void keepPrivate(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }
}
