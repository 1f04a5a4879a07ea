package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PagedLists;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Publications that race each other: the database decides, every loser is told with 409, and the stored versions
 * stay consistent with the answers given.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
@Timeout(60)
class ConcurrentPublicationTest {

    /** One answer of a race: the version that was sent, the status and the body. */
    record Answer(String version, int status, JsonPath body) {}

    @Test
    void twoVersionsPublishedAtTheSameMomentAreBothAnsweredConsistently() throws Exception {
        raceVersionsOfOneProduct(2);
    }

    @RepeatedTest(3)
    void eightVersionsPublishedAtTheSameMomentAreAllAnsweredConsistently() throws Exception {
        raceVersionsOfOneProduct(8);
    }

    @Test
    void theSameVersionNumberSentTwiceAtOnceLandsOnce() throws Exception {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        String first = product.version("1.1.0").purpose("First purpose").yaml();
        String second = product.version("1.1.0").purpose("Second purpose").yaml();

        List<Answer> answers = race(List.of(first, second), List.of("1.1.0", "1.1.0"));

        assertThat(statuses(answers), is(List.of(201, 409)));
        Answer loser =
                answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertEquals("product.version", loser.body().getString("errors[0].field"));
        JsonPath stored = given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stored.getList("versions.version"), contains("1.1.0", "1.0.0"));
    }

    @RepeatedTest(3)
    void twoNewProductsWithTheSameKeyAtOnceGiveOne201AndOne409() throws Exception {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        String first = product.purpose("Published by pipeline one").yaml();
        String second = product.purpose("Published by pipeline two").yaml();

        List<Answer> answers = race(List.of(first, second), List.of("1.0.0", "1.0.0"));

        assertThat(statuses(answers), is(List.of(201, 409)));
        Answer loser =
                answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.body().getString("errors[0].field"), oneOf("product.id", "product.version"));
        JsonPath stored = given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stored.getList("versions.version"), contains("1.0.0"));
        assertThat(stored.getString("version.purpose"), containsString("Published by pipeline"));
    }

    @RepeatedTest(3)
    void twoDifferentProductsClaimingOneNewKeyAtOnceGiveOne201AndOne409() throws Exception {
        String domain = Descriptors.newDomain();
        // ODPS ids are unique across the catalog, and this test repeats: each repetition claims with fresh ids.
        String oneId = "claimant-one-" + domain;
        String twoId = "claimant-two-" + domain;
        Descriptors one = Descriptors.product(domain).slug("contested").externalId(oneId);
        Descriptors two = Descriptors.product(domain).slug("contested").externalId(twoId);

        List<Answer> answers = race(List.of(one.yaml(), two.yaml()), List.of("1.0.0", "1.0.0"));

        assertThat(statuses(answers), is(List.of(201, 409)));
        Answer loser =
                answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertEquals("product.id", loser.body().getString("errors[0].field"));
        JsonPath stored = given().get("/api/products/" + domain + ".contested")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stored.getString("externalId"), oneOf(oneId, twoId));
        assertThat(stored.getList("versions.version"), contains("1.0.0"));
        given().queryParam("domain", domain).get("/api/products").then().body("items.key", hasSize(1));
    }

    /**
     * Publishes 1.0.0, then sends 1.1.0 … 1.n.0 at the same moment. Every answer is 201 or 409, or — for a
     * publication overtaken by a higher version that landed before it was read — the 422 "not newer" refusal. The
     * stored versions are exactly the initial one plus the 201s, and the current version is the highest of those.
     */
    private void raceVersionsOfOneProduct(int threads) throws Exception {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        List<String> bodies = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            String version = "1." + i + ".0";
            versions.add(version);
            bodies.add(product.version(version).changelog("Release " + version).yaml());
        }

        List<Answer> answers = race(bodies, versions);

        List<String> landed = new ArrayList<>();
        for (Answer answer : answers) {
            assertThat(
                    "answer to " + answer.version() + ": " + answer.body().prettify(),
                    answer.status(),
                    anyOf(is(201), is(409), is(422)));
            if (answer.status() == 201) {
                assertEquals(answer.version(), answer.body().getString("version"));
                assertEquals(true, answer.body().getBoolean("created"));
                landed.add(answer.version());
            } else if (answer.status() == 409) {
                assertEquals("product.version", answer.body().getString("errors[0].field"));
            } else {
                assertEquals("product.version", answer.body().getString("errors[0].field"));
                assertThat(answer.body().getString("errors[0].message"), containsString("is not newer than"));
            }
        }
        assertThat("at least one publication lands", landed.size(), greaterThanOrEqualTo(1));

        JsonPath stored = given().get("/api/products/" + product.key())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The product embeds only its newest versions; the paged list has them all.
        List<String> storedVersions =
                PagedLists.allItems("/api/products/" + product.key() + "/versions?size=200").stream()
                        .map(item -> (String) item.get("version"))
                        .toList();
        assertEquals(storedVersions.size(), stored.getLong("versionCount"));
        assertEquals(new HashSet<>(storedVersions).size(), storedVersions.size(), "no duplicates: " + storedVersions);
        assertEquals(landed.size() + 1, storedVersions.size(), "stored " + storedVersions + ", 201 for " + landed);
        List<String> expected = new ArrayList<>(landed);
        expected.add("1.0.0");
        expected.sort(
                Comparator.comparing((String v) -> SemanticVersion.parse(v).orElseThrow())
                        .reversed());
        assertEquals(expected, storedVersions);
        assertThat(stored.getString("currentVersion"), equalTo(expected.get(0)));
        assertThat(stored.getString("version.changelog"), equalTo("Release " + expected.get(0)));
    }

    /** Sends every body from its own thread, all released at once; answers in the order of the bodies. */
    private static List<Answer> race(List<String> bodies, List<String> versions) throws Exception {
        int n = bodies.size();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] body = bodies.get(i).getBytes(UTF_8);
                String version = versions.get(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    var response = given().contentType("application/yaml")
                            .body(body)
                            .post("/api/products")
                            .then()
                            .extract();
                    return new Answer(version, response.statusCode(), response.jsonPath());
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> statuses(List<Answer> answers) {
        return answers.stream().map(Answer::status).sorted().toList();
    }
}
