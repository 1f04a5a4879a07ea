package io.signalbox.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The portal's HTTP API as the bench calls it: every request signed in with a bearer token. */
final class Portal {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, body, and the nanoTime at which the whole body had arrived. */
    record Answer(int status, String body, long receivedNanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + shorten(body), e);
            }
        }

        Answer expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new IllegalStateException("unexpected status " + status + ": " + shorten(body));
        }
    }

    private final URI base;
    private final HttpClient http;

    Portal(URI base) {
        this.base = base;
        // HTTP/1.1 as browsers and wrk speak it to the portal (no TLS, so no HTTP/2).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    Answer get(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).GET().build());
    }

    /** A GET that asks for a fresh answer: the portal searches again instead of reusing results it already found. */
    Answer getFresh(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token)
                .header("Cache-Control", "no-cache")
                .GET()
                .build());
    }

    Answer post(String path, String contentType, byte[] body, String token) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    Answer put(String path, String token) {
        return send(
                request(path, token).PUT(HttpRequest.BodyPublishers.noBody()).build());
    }

    Answer delete(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).DELETE().build());
    }

    HttpRequest.Builder request(String pathAndQuery, String token) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code /api/search?q=…&domain=…}: spaces as %20, which every server reads as a space (a + may not be). */
    static String query(String path, Map<String, String> parameters) {
        return path + "?"
                + parameters.entrySet().stream()
                        .map(p -> p.getKey() + "=" + encode(p.getValue()))
                        .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shorten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
