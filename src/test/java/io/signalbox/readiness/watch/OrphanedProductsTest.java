package io.signalbox.readiness.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.identity.OwnerSightings;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.PagedLists;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orphaned products (docs/mesh-watch.md): a product's named owner is a current owner of its domain when granted
 * ownership, or seen signing in as an owner within {@code signalbox.watch.owner-seen-within} (180 days).
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class OrphanedProductsTest {

    @Inject
    OwnerSightings sightings;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    private void seen(String email, String username, String domain, Duration ago) {
        clock.freeze(Instant.now().minus(ago));
        QuarkusTransaction.requiringNew().run(() -> sightings.record(email, username, Set.of(domain)));
        clock.reset();
    }

    private static String publishOwnedBy(String domain, String email) {
        Descriptors product = Descriptors.product(domain).ownerUsername(email);
        product.publish().then().statusCode(201);
        return product.key();
    }

    @Test
    void anOwnerNeitherGrantedNorSeenWithinTheLast180DaysLeavesTheirProductsOrphaned() {
        String domain = Descriptors.newDomain();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String recent = "recent-" + tag + "@example.com";
        String gone = "gone-" + tag + "@example.com";
        String granted = "granted-" + tag + "@example.com";
        String grantedByUsername = "by-username-" + tag + "@example.com";
        String never = "never-" + tag + "@example.com";
        String recentProduct = publishOwnedBy(domain, recent);
        String goneProduct = publishOwnedBy(domain, gone);
        String grantedProduct = publishOwnedBy(domain, granted);
        String usernameProduct = publishOwnedBy(domain, grantedByUsername);
        String neverProduct = publishOwnedBy(domain, never);

        seen(recent, "recent-" + tag, domain, Duration.ofDays(10));
        seen(gone, "gone-" + tag, domain, Duration.ofDays(200));
        seen(granted, "granted-" + tag, domain, Duration.ofDays(200));
        seen(grantedByUsername, "by-username-" + tag, domain, Duration.ofDays(200));
        given().put("/api/domains/" + domain + "/owners/" + granted).then().statusCode(201);
        given().put("/api/domains/" + domain + "/owners/by-username-" + tag)
                .then()
                .statusCode(201);

        List<Map<String, Object>> orphans =
                PagedLists.allItems("/api/readiness/watch/orphaned-products?domain=" + domain + "&size=1");
        assertThat(orphans.stream().map(o -> (String) o.get("key")).toList())
                .containsExactly(sortedKeys(goneProduct, neverProduct));
        Map<String, Object> goneOne = orphans.stream()
                .filter(o -> o.get("key").equals(goneProduct))
                .findFirst()
                .orElseThrow();
        assertThat(goneOne)
                .containsEntry("domain", domain)
                .containsEntry("ownerEmail", gone)
                .containsEntry("status", "published");
        assertThat((String) goneOne.get("lastSeenAsOwnerAt")).endsWith("Z");
        assertThat(orphans.stream().filter(o -> o.get("key").equals(neverProduct)))
                .allSatisfy(o -> assertThat(o.get("lastSeenAsOwnerAt")).isNull());
        assertThat(List.of(recentProduct, grantedProduct, usernameProduct))
                .doesNotContainAnyElementsOf(
                        orphans.stream().map(o -> (String) o.get("key")).toList());

        // The same person, seen again today, is a current owner again.
        QuarkusTransaction.requiringNew().run(() -> sightings.record(gone, "gone-" + tag, Set.of(domain)));
        assertThat(PagedLists.allItems("/api/readiness/watch/orphaned-products?domain=" + domain).stream()
                        .map(o -> (String) o.get("key"))
                        .toList())
                .containsExactly(neverProduct);
    }

    private static String[] sortedKeys(String... keys) {
        return java.util.Arrays.stream(keys).sorted().toArray(String[]::new);
    }
}
