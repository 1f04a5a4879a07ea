package io.signalbox.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Synchronizer tokens for the portal's HTML forms, on top of {@link CrossSiteWrites}. Each browser gets a random,
 * HttpOnly, SameSite=Strict cookie; a form carries {@code csrf-token}, an HMAC of that cookie and the signed-in
 * person's name, which another site can neither read nor compute. Handlers of form posts call {@link #verify} before
 * changing anything. Templates render the field with {@code inject:formToken.field}.
 */
@RequestScoped
@Named("formToken")
public class FormTokens {

    public static final String FIELD = "csrf-token";
    static final String COOKIE = "signalbox-form";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    FormTokenKey key;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    private String browserSecret;
    private boolean secureRequest;

    /** The token for forms rendered in this request. */
    public String value() {
        if (browserSecret == null) {
            browserSecret = randomSecret();
            issueCookie(browserSecret);
        }
        return key.sign(browserSecret + "\n" + personName());
    }

    /** Refuses the submission unless it carries the token of this browser and this person. */
    public void verify(String submitted) {
        boolean valid = browserSecret != null
                && submitted != null
                && MessageDigest.isEqual(
                        submitted.getBytes(StandardCharsets.US_ASCII),
                        key.sign(browserSecret + "\n" + personName()).getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw Refusal.forbidden(
                    "This form could not be accepted: it has expired or was not sent from Signalbox's own page. "
                            + "Go back, reload the page and submit it again.");
        }
    }

    void remember(String cookieValue, boolean secure) {
        if (cookieValue != null && cookieValue.matches("[A-Za-z0-9_-]{43}")) {
            browserSecret = cookieValue;
        }
        secureRequest = secure;
    }

    /** Templates render after response filters run, so the cookie is added when the headers are written. */
    private void issueCookie(String secret) {
        String cookie =
                COOKIE + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict" + (secureRequest ? "; Secure" : "");
        routing.addHeadersEndHandler(done -> routing.response().headers().add(HttpHeaders.SET_COOKIE, cookie));
    }

    private String personName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return BASE64.encodeToString(secret);
    }

    /** Reads the browser's cookie before the resource runs. */
    public static class CookieFilters {

        @Inject
        FormTokens tokens;

        @ServerRequestFilter
        public void readCookie(ContainerRequestContext request) {
            Cookie cookie = request.getCookies().get(COOKIE);
            // Through a method: fields of the injected client proxy are not the request's instance.
            tokens.remember(
                    cookie == null ? null : cookie.getValue(),
                    "https".equalsIgnoreCase(request.getUriInfo().getBaseUri().getScheme()));
        }
    }

    /** The signing key: configured so that every replica agrees, or random per process (forms open across a restart
     * then ask for a reload). */
    @ApplicationScoped
    public static class FormTokenKey {

        private final SecretKeySpec key;

        @Inject
        public FormTokenKey(@ConfigProperty(name = "signalbox.form-token.secret") Optional<String> configured) {
            byte[] material = configured
                    .filter(s -> !s.isBlank())
                    .map(s -> s.getBytes(StandardCharsets.UTF_8))
                    .orElseGet(() -> {
                        byte[] random = new byte[32];
                        RANDOM.nextBytes(random);
                        return random;
                    });
            this.key = new SecretKeySpec(material, "HmacSHA256");
        }

        String sign(String message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return BASE64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }
    }
}
