package io.signalbox.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Turns away every request whose token belongs to a signed-out session ({@link SignedOutSessions}): the page session's
 * ID token, or a bearer token carrying the same {@code sid}. Such a request continues as an anonymous one, so it meets
 * exactly what a request without a session meets: a page is sent to sign in again (as after an expired session), an
 * API call gets 401, and the public pages stay open.
 */
@ApplicationScoped
public class SignedOutSessionGate implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(SignedOutSessionGate.class);

    @Inject
    SignedOutSessions signedOut;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Optional<SessionToken> session =
                identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                        ? Optional.empty()
                        : SessionToken.of(token);
        if (session.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        // The register is in PostgreSQL; augmentors run on the event loop, where the database must not be waited for.
        return context.runBlocking(() -> refuses(session.get()) ? noOne(identity) : identity);
    }

    /**
     * Whether the register refuses the session. While PostgreSQL cannot be asked the session is let through (sign-outs
     * this replica has not written yet are still refused from memory): refusing every session would send every signed-in person
     * through sign-in again, in a loop until the database is back, and a failed check would end every session (Quarkus
     * treats it as a broken session and removes the cookie); meanwhile nearly every page needs the database anyway.
     */
    private boolean refuses(SessionToken session) {
        try {
            return signedOut.refuses(session);
        } catch (PersistenceException e) {
            LOG.warnf("Could not check whether a session was signed out (PostgreSQL unavailable?): %s", e.getMessage());
            return false;
        }
    }

    /** Nobody: what the request would have been without its session (the request itself stays attached). */
    private static SecurityIdentity noOne(SecurityIdentity refused) {
        QuarkusSecurityIdentity.Builder anonymous =
                QuarkusSecurityIdentity.builder().setAnonymous(true);
        RoutingContext request = refused.getAttribute(RoutingContext.class.getName());
        if (request != null) {
            anonymous.addAttribute(RoutingContext.class.getName(), request);
        }
        return anonymous.build();
    }
}
