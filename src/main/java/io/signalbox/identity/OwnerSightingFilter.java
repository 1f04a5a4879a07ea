package io.signalbox.identity;

import io.vertx.core.Context;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Notes, before each request reaches its resource, that a signed-in domain owner was seen ({@link OwnerSightings}):
 * at most one write per person and domain a day, and never a failed request because of it.
 */
public class OwnerSightingFilter {

    @Inject
    Caller caller;

    @Inject
    OwnerSightings sightings;

    /** Runs on the resource's worker thread; on the event loop (a non-blocking route) it does nothing. */
    @ServerRequestFilter
    public void noteOwner() {
        if (Context.isOnEventLoopThread()) {
            return; // the database must not be waited for on the event loop
        }
        sightings.sighted(caller);
    }
}
