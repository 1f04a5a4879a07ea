package io.signalbox.catalog.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A publication that wrote a version fires one {@link PublicationAccepted} inside its transaction, with the verdict
 * it passed with; the features that observe it write in the same transaction, so a failing observer leaves nothing.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class PublicationAcceptedTest {

    /** Sees every accepted publication; fails the publication of any product whose slug ends in "-explodes". */
    @ApplicationScoped
    static class Observer {
        final List<String> seen = new CopyOnWriteArrayList<>();

        void on(@Observes PublicationAccepted accepted) {
            if (accepted.product().key.endsWith("-explodes")) {
                throw new IllegalStateException("an observer failed on purpose");
            }
            seen.add(accepted.product().key + " " + accepted.version().version + " rules "
                    + accepted.verdict().ruleSetVersion() + " warnings "
                    + accepted.verdict().warnings().size());
        }

        List<String> of(String key) {
            return seen.stream().filter(s -> s.startsWith(key + " ")).toList();
        }
    }

    @Inject
    Observer observer;

    @Test
    void eachWrittenVersionIsAnnouncedOnceWithItsVerdict() {
        Descriptors product = Descriptors.product(Descriptors.newDomain());
        product.publish().then().statusCode(201);
        product.publish().then().statusCode(200); // the same version again writes nothing and announces nothing
        product.version("1.1.0").changelog("Second.").publish().then().statusCode(201);

        assertThat(observer.of(product.key()))
                .hasSize(2)
                .allSatisfy(seen -> assertThat(seen).matches(".* rules \\d+ warnings \\d+"));
        assertThat(observer.of(product.key()).get(0)).startsWith(product.key() + " 1.0.0 ");
        assertThat(observer.of(product.key()).get(1)).startsWith(product.key() + " 1.1.0 ");
    }

    @Test
    void aRefusedPublicationIsNotAnnounced() {
        Descriptors product = Descriptors.product(Descriptors.newDomain()).withoutChangelog();
        Api.problem(product.publish(), 422);
        assertThat(observer.of(product.key())).isEmpty();
    }

    @Test
    void aFailingObserverRollsTheWholePublicationBack() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).slug("stream-explodes");
        Api.problem(product.publish(), 500);
        Api.assertNothingStored(domain, product.key());
        given().queryParam("domain", domain)
                .queryParam("action", "product.published")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }
}
