package io.signalbox.notification.inbox;

import io.signalbox.identity.Caller;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The inbox link of the page header, as {@code inject:inbox} in the layout: the signed-in person's unread count, one
 * indexed count per page (a partial index over unread entries, V17). Error pages rendered outside a request, or on an
 * I/O thread where a database call must not block, show the link without a count.
 */
@ApplicationScoped
@Named("inbox")
public class InboxBadge {

    @Inject
    Caller caller;

    @Inject
    InboxEntries entries;

    /** How many of the signed-in person's entries are unread; null when unknown here (see the class comment). */
    public Long unread() {
        if (Context.isOnEventLoopThread()) {
            return null;
        }
        try {
            return caller.email().map(entries::unreadCount).orElse(null);
        } catch (ContextNotActiveException e) {
            return null; // an error page rendered where no request exists: the header shows the link alone
        }
    }
}
