package io.signalbox.identity;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records a sign-out made here: "Sign out" posts to {@code /logout}, which Quarkus OIDC handles (RP-initiated logout)
 * before any resource runs, announcing it with {@link SecurityEvent.Type#OIDC_LOGOUT_RP_INITIATED} and the session's
 * identity. Recording it here means a copied session cookie is refused even when the provider never reports the
 * sign-out back (no back-channel logout configured, or the browser never reached the provider's sign-out page).
 */
@ApplicationScoped
public class SignOutListener {

    @Inject
    SignedOutSessions signedOut;

    void onSecurityEvent(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGOUT_RP_INITIATED) {
            return;
        }
        SecurityIdentity identity = event.getSecurityIdentity();
        // The identity of a page session is its ID token; a session already refused arrives here as anonymous.
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken idToken) {
            SessionToken.of(idToken).ifPresent(signedOut::signedOutHere);
        }
    }
}
