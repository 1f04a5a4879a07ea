package io.signalbox.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where the provider reports a sign-out (OpenID Connect Back-Channel Logout 1.0): a form post with a signed
 * {@code logout_token}. A valid token is recorded in {@link SignedOutSessions} before the provider gets its 200; an
 * invalid one gets 400, as the standard asks. The token is verified by the {@code logout-tokens} tenant (signature,
 * issuer, audience = the Signalbox client, not expired), then checked for what makes it a logout token (section 2.6):
 * the back-channel logout event, a {@code sid} or {@code sub}, and no {@code nonce}.
 */
@Path("/back-channel-logout")
public class BackChannelLogout {

    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** Verifying needs the provider's keys, fetched once and then cached; a provider that hangs gets no answer. */
    private static final Duration VERIFICATION_PATIENCE = Duration.ofSeconds(10);

    @Inject
    @Tenant("logout-tokens")
    TenantIdentityProvider logoutTokens;

    @Inject
    SignedOutSessions signedOut;

    /**
     * Records the sign-out a logout token reports.
     *
     * @param logoutToken the provider's signed logout token (a JWT), form field {@code logout_token}
     * @return 200 with {@code Cache-Control: no-store} once the sign-out is recorded
     * @throws Refusal.Malformed (400) for a missing, unverifiable or non-logout token; nothing is recorded
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signedOutAtProvider(@FormParam("logout_token") String logoutToken) {
        JsonWebToken token = verified(logoutToken);
        String sid = SessionToken.text(token.getClaim("sid"));
        long issuedAt = token.getIssuedAtTime();
        signedOut.signedOutByProvider(
                blankToNull(sid), token.getSubject(), issuedAt > 0 ? Instant.ofEpochSecond(issuedAt) : null);
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    private JsonWebToken verified(String logoutToken) {
        if (logoutToken == null || logoutToken.isBlank()) {
            throw refused("is missing: the provider posts it as the form field logout_token");
        }
        JsonWebToken token;
        try {
            token = (JsonWebToken) logoutTokens
                    .authenticate(new AccessTokenCredential(logoutToken))
                    .await()
                    .atMost(VERIFICATION_PATIENCE)
                    .getPrincipal();
        } catch (AuthenticationFailedException e) {
            throw refused("is not a token the provider issued to Signalbox, or it has expired");
        }
        if (!hasLogoutEvent(token.getClaim("events"))) {
            throw refused("has no back-channel logout event (claim events)");
        }
        if (token.containsClaim("nonce")) {
            throw refused("carries a nonce, which a logout token must not");
        }
        if (blankToNull(SessionToken.text(token.getClaim("sid"))) == null && token.getSubject() == null) {
            throw refused("names neither a session (sid) nor a person (sub)");
        }
        return token;
    }

    private static boolean hasLogoutEvent(Object events) {
        if (events instanceof JsonObject object) {
            return object.containsKey(LOGOUT_EVENT);
        }
        return events instanceof Map<?, ?> map && map.containsKey(LOGOUT_EVENT);
    }

    private static Refusal refused(String problem) {
        return Refusal.malformed(
                "The sign-out report was not accepted",
                List.of(new FieldProblem("logout_token", "The token " + problem)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
