package io.signalbox.bench.measure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the portal's pages as a browser is: the portal's code flow (its redirect to Keycloak, the
 * login form filled and posted, the redirect back with the code) driven with {@code java.net.http}, keeping the
 * session cookies the portal sets. Pages are then requested with those cookies and without following redirects, so
 * a page that redirects is measured as its redirect.
 */
final class SignedInBrowser {

    /** Keycloak's login form: {@code <form id="kc-form-login" … action="…">}, attributes in either order. */
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");

    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private final String username;
    private final HttpClient pages;

    private SignedInBrowser(String username, HttpClient pages) {
        this.username = username;
        this.pages = pages;
    }

    /** Signs {@code person} in by opening {@code startPath} (a page that needs a session), or fails saying where. */
    static SignedInBrowser signIn(URI portal, Tokens.Person person, String startPath) {
        CookieManager cookies = new LoopbackCookies();
        HttpClient following = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            HttpResponse<String> login = following.send(
                    HttpRequest.newBuilder(portal.resolve(startPath))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher form = LOGIN_FORM.matcher(login.body());
            Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
            if (action == null || !action.find()) {
                throw new IllegalStateException("no Keycloak login form at " + login.uri() + " (status "
                        + login.statusCode() + "): " + Portal.shorten(login.body()));
            }
            URI post = URI.create(action.group(1).replace("&amp;", "&"));
            String fields = "username=" + Portal.encode(person.username()) + "&password="
                    + Portal.encode(person.password()) + "&credentialId=";
            HttpResponse<String> back = following.send(
                    HttpRequest.newBuilder(post)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(fields))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (back.statusCode() != 200 || !back.uri().getAuthority().equals(portal.getAuthority())) {
                throw new IllegalStateException("signing in " + person.username() + " ended at " + back.uri()
                        + " (status " + back.statusCode() + "): " + Portal.shorten(back.body()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("signing in " + person.username() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        HttpClient pages = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new SignedInBrowser(person.username(), pages);
    }

    /**
     * Cookies as a browser keeps them for a loopback address: Keycloak marks its login cookies {@code Secure} even
     * over plain HTTP, and browsers send them to {@code http://127.0.0.1} (a secure context by the W3C's definition),
     * where {@link CookieManager} would not. The attribute is dropped as the cookies are stored.
     */
    private static final class LoopbackCookies extends CookieManager {

        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> insecure = new HashMap<>();
            headers.forEach((name, values) -> insecure.put(
                    name,
                    name != null && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream()
                                    .map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", ""))
                                    .toList()
                            : values));
            super.put(uri, insecure);
        }
    }

    String username() {
        return username;
    }

    /** The client carrying this person's session cookies; it does not follow redirects. */
    HttpClient client() {
        return pages;
    }
}
