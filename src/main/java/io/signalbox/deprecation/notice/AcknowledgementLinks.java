package io.signalbox.deprecation.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs and checks the one-click acknowledgement links in emails: {@code /deprecations/acknowledge?r={recipient}&s=
 * {step}&sig={HMAC-SHA256}}. The key is {@code signalbox.deprecation.link-secret} when configured, else one generated
 * at the first migration and kept in the database (so a link sent weeks before a sunset works on every replica and
 * after restarts). A link proves only that its holder received the email; it acknowledges nothing by being opened: the
 * page it leads to asks for one click (a POST), so mail scanners that follow links acknowledge nothing.
 */
@ApplicationScoped
public class AcknowledgementLinks {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    EntityManager em;

    @ConfigProperty(name = "signalbox.deprecation.link-secret")
    Optional<String> configured;

    private volatile SecretKeySpec key;

    /** The signature for a recipient and step ({@code acknowledged} or {@code migrated}), base64url. */
    public String sign(long recipientId, String step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(
                    ("deprecation-ack\u0000" + recipientId + "\u0000" + step).getBytes(StandardCharsets.UTF_8));
            return URL.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} was made by {@link #sign} for this recipient and step (constant-time comparison). */
    public boolean valid(long recipientId, String step, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(recipientId, step).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The path and query of the link (relative to the portal's public address). */
    public String path(long recipientId, String step) {
        return "/deprecations/acknowledge?r=" + recipientId + "&s=" + step + "&sig=" + sign(recipientId, step);
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            String secret = configured.filter(s -> !s.isBlank()).orElseGet(this::storedSecret);
            k = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = k;
        }
        return k;
    }

    private String storedSecret() {
        return QuarkusTransaction.joiningExisting()
                .call(() -> (String) em.createNativeQuery("select secret from deprecation_signing_key where id = 1")
                        .getSingleResult());
    }
}
