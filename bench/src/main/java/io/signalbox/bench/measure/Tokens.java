package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Access tokens from the identity provider by the password grant, as the portal's own tests get them; each is
 * reused until a minute before it expires (the local realm issues them for ten minutes).
 */
final class Tokens {

    /** A demo user, "name:password" on the command line. */
    record Person(String username, String password) {

        static Person parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("a person is username:password, got '" + text + "'");
            }
            return new Person(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    private record Issued(String token, Instant renewAfter) {}

    private final URI realm;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Map<String, Issued> issued = new HashMap<>();

    Tokens(URI realm, String clientId, String clientSecret, HttpClient http) {
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
    }

    synchronized String accessToken(Person person) {
        Issued current = issued.get(person.username());
        if (current != null && Instant.now().isBefore(current.renewAfter())) {
            return current.token();
        }
        String form = "grant_type=password&client_id=" + Portal.encode(clientId) + "&client_secret="
                + Portal.encode(clientSecret) + "&username=" + Portal.encode(person.username()) + "&password="
                + Portal.encode(person.password());
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + person.username() + " (status "
                        + response.statusCode() + "): " + Portal.shorten(response.body()));
            }
            JsonNode answer = Portal.JSON.readTree(response.body());
            long lifetime = answer.path("expires_in").asLong(300);
            Issued fresh = new Issued(
                    answer.get("access_token").asText(), Instant.now().plusSeconds(Math.max(10, lifetime - 60)));
            issued.put(person.username(), fresh);
            return fresh.token();
        } catch (IOException e) {
            throw new IllegalStateException("the identity provider at " + realm + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits for the realm to answer: a local Keycloak takes half a minute on its first start. */
    void awaitProvider(Duration timeout) throws InterruptedException {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realm + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the identity provider at " + realm + " did not answer within " + timeout);
    }
}
