package io.signalbox.identity;

import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The sign-in a token belongs to, in the terms the register of signed-out sessions ({@link SignedOutSessions}) keeps:
 * the session's key (the provider's {@code sid} claim, OIDC Front-Channel and Back-Channel Logout 1.0; or, for a
 * provider that sends no sid, a SHA-256 hash of the token itself), the person ({@code sub}), and when the token was
 * issued and expires (seconds since the epoch in the token, here as instants).
 *
 * @param sessionKey {@code sid:<sid>} or {@code id-token-sha256:<64 hex digits>}
 * @param subjectKey {@code sub:<subject>}, or null when the token names no subject
 * @param issuedAt the token's {@code iat}; the epoch when it has none, so that such a token counts as issued before any
 *     sign-out
 * @param expiresAt the token's {@code exp}; the epoch when it has none
 */
public record SessionToken(String sessionKey, String subjectKey, Instant issuedAt, Instant expiresAt) {

    static final String SID = "sid:";
    static final String SUBJECT = "sub:";
    static final String TOKEN_HASH = "id-token-sha256:";

    /** The session of a verified token (an ID token of a page session, or a bearer access token). */
    public static Optional<SessionToken> of(JsonWebToken token) {
        String raw = token.getRawToken();
        String sid = text(token.getClaim("sid"));
        if ((sid == null || sid.isBlank()) && raw == null) {
            return Optional.empty();
        }
        String sessionKey = sid == null || sid.isBlank() ? TOKEN_HASH + sha256(raw) : SID + sid;
        String subject = token.getSubject();
        return Optional.of(new SessionToken(
                sessionKey,
                subject == null ? null : SUBJECT + subject,
                Instant.ofEpochSecond(token.getIssuedAtTime()),
                Instant.ofEpochSecond(token.getExpirationTime())));
    }

    /** The keys under which a sign-out of this token's session may be recorded. */
    List<String> keys() {
        return subjectKey == null ? List.of(sessionKey) : List.of(sessionKey, subjectKey);
    }

    /** A string claim, whichever form the JWT library hands it over in. */
    static String text(Object claim) {
        if (claim instanceof JsonString string) {
            return string.getString();
        }
        return claim == null ? null : claim.toString();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
