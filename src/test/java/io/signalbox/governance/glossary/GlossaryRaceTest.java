package io.signalbox.governance.glossary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Descriptors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two people defining the same new term at the same moment: one defines it, the other gets 409 (or, if the first had
 * already committed, redefines it); never a 500, and the glossary holds the term once.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class GlossaryRaceTest {

    private static final int ROUNDS = 8;

    @Test
    void aTermDefinedTwiceAtOnceIsDefinedOnceAndTheOtherAnswerIsAConflict() throws Exception {
        String domain = Descriptors.newDomain();
        List<Integer> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String term = "churn window " + round;
            List<Integer> statuses = race(domain, term);
            all.addAll(statuses);
            assertThat(statuses).as("round %d", round).allMatch(s -> s == 200 || s == 201 || s == 409);
            assertThat(statuses).as("round %d", round).contains(201);
            assertThat(given().get("/api/domains/" + domain + "/glossary")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.term", String.class))
                    .filteredOn(term::equals)
                    .hasSize(1);
        }
        assertThat(all).doesNotContain(500);
    }

    private static List<Integer> race(String domain, String term) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String definition = "The days before a contract ends, as person " + i + " sees it.";
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return given().contentType("application/json")
                            .body("{\"definition\": \"" + definition + "\"}")
                            .put("/api/domains/" + domain + "/glossary/" + term)
                            .statusCode();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
