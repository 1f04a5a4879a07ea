package io.signalbox.readiness.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.notification.delivery.DeliveryWorker;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.Mailbox;
import io.signalbox.testing.PagedLists;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Undeclared dependencies (docs/mesh-watch.md): listed exactly as the shared definition says, and reported to both
 * owners once, however often and however concurrently the job runs.
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class UndeclaredDependenciesTest {

    private static final String LIST = "/api/readiness/watch/undeclared-dependencies";

    @Inject
    UndeclaredReadReports reports;

    @Inject
    DeliveryWorker worker;

    @Inject
    EntityManager em;

    /** A product whose descriptor reads each of {@code sources} through an input port. */
    private static Descriptors reading(String domain, String owner, String... sources) {
        Descriptors d = Descriptors.product(domain).ownerUsername(owner);
        d.productLine("inputPorts:");
        int i = 0;
        for (String source : sources) {
            d.productLine("  - name: upstream-" + i++);
            d.productLine("    version: \"1\"");
            d.productLine("    contractId: upstream-contract");
            d.productLine("    customProperties:");
            d.productLine("      - property: sourceProduct");
            d.productLine("        value: " + source);
        }
        return d;
    }

    private static String owner(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static List<Map<String, Object>> listed(String domain) {
        return PagedLists.allItems(LIST + "?domain=" + domain + "&size=2");
    }

    @Test
    void onlyReadsOfAnotherDomainsProductThatDoNotDeclareTheReaderAreListed() {
        String provider = Descriptors.newDomain();
        String reader = Descriptors.newDomain();
        Descriptors undeclared = Descriptors.product(provider).ownerUsername(owner("provider"));
        undeclared.publish().then().statusCode(201);
        Descriptors declared = Descriptors.product(provider)
                .ownerUsername(owner("provider"))
                .consumer("Readers", reader, "Reads it, declared");
        declared.publish().then().statusCode(201);
        Descriptors sameDomain = Descriptors.product(reader).ownerUsername(owner("neighbour"));
        sameDomain.publish().then().statusCode(201);
        Descriptors p = reading(
                reader,
                owner("reader"),
                undeclared.key(),
                declared.key(),
                sameDomain.key(),
                reader + ".no-such-product");
        p.publish().then().statusCode(201);

        List<Map<String, Object>> items = listed(reader);
        assertThat(items).hasSize(1);
        Map<String, Object> only = items.get(0);
        assertThat(only.get("reading"))
                .isEqualTo(Map.of(
                        "key",
                        p.key(),
                        "title",
                        "Service inventory " + p.key().substring(reader.length() + 1),
                        "domain",
                        reader,
                        "ownerEmail",
                        ownerOf(p)));
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) only.get("read");
        assertThat(read).containsEntry("key", undeclared.key()).containsEntry("domain", provider);
        assertThat(listed(provider))
                .as("the provider's view shows the same read")
                .extracting(i -> (Object) ((Map<?, ?>) i.get("reading")).get("key"))
                .containsExactly((Object) p.key());
    }

    @Test
    void eachUndeclaredReadIsReportedOnceToBothOwnersAgainOnlyAfterItWasDeclaredInBetween() throws Exception {
        String provider = Descriptors.newDomain();
        String reader = Descriptors.newDomain();
        String providerOwner = owner("provider");
        String readerOwner = owner("reader");
        Descriptors q = Descriptors.product(provider).ownerUsername(providerOwner);
        q.publish().then().statusCode(201);
        Descriptors p = reading(reader, readerOwner, q.key());
        p.publish().then().statusCode(201);

        reports.runOnce();
        reports.runOnce();
        assertThat(reportsOf(p.key())).as("one open report").containsExactly("open");
        assertThat(deliveries(p.key()))
                .containsExactlyInAnyOrder(
                        "email " + readerOwner,
                        "inbox " + readerOwner,
                        "email " + providerOwner,
                        "inbox " + providerOwner);

        worker.runOnce();
        assertThat(mailsTo(readerOwner, p.key())).hasSize(1);
        assertThat(mailsTo(providerOwner, p.key())).hasSize(1);
        assertThat(mailsTo(providerOwner, p.key()).get(0)).contains("declare domain " + reader + " as a consumer");
        assertThat(given().get(LIST + "?domain=" + reader)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("items[0].reportedAt"))
                .as("the list says when it was reported")
                .endsWith("Z");

        // Declared: the report is resolved and nothing more is sent.
        q.version("1.1.0")
                .consumer("Readers", reader, "Reads it")
                .publish()
                .then()
                .statusCode(201);
        assertThat(reports.runOnce().resolved()).isGreaterThanOrEqualTo(1);
        assertThat(reportsOf(p.key())).containsExactly("resolved");
        assertThat(listed(reader)).isEmpty();

        // Undeclared again: a new report, reported once more to both.
        q.version("1.2.0")
                .withoutConsumers()
                .consumer("Billing Operations", "billing", "Rate usage per service")
                .publish()
                .then()
                .statusCode(201);
        reports.runOnce();
        assertThat(reportsOf(p.key())).containsExactly("resolved", "open");
        // A send that fails (the SMTP server is shared with tests that take it down) is retried after the first backoff
        // (30 s with jitter).
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    worker.runOnce();
                    assertThat(mailsTo(readerOwner, p.key())).hasSize(2);
                    assertThat(mailsTo(providerOwner, p.key())).hasSize(2);
                });
    }

    @Test
    void twoRunsAtOnceReportANewReadOnce() throws Exception {
        String provider = Descriptors.newDomain();
        String reader = Descriptors.newDomain();
        String providerOwner = owner("provider");
        String readerOwner = owner("reader");
        Descriptors q = Descriptors.product(provider).ownerUsername(providerOwner);
        q.publish().then().statusCode(201);
        Descriptors p = reading(reader, readerOwner, q.key());
        p.publish().then().statusCode(201);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<UndeclaredReadReports.Run>> runs = List.of(reports::runOnce, reports::runOnce);
            List<Future<UndeclaredReadReports.Run>> done = pool.invokeAll(runs);
            for (Future<UndeclaredReadReports.Run> run : done) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(reportsOf(p.key())).containsExactly("open");
        assertThat(deliveries(p.key())).hasSize(4);
        worker.runOnce();
        assertThat(mailsTo(readerOwner, p.key())).hasSize(1);
        assertThat(mailsTo(providerOwner, p.key())).hasSize(1);
    }

    @Test
    void eachOwnerGetsOneDigestPerRunListingEveryNewReadThatConcernsThem() throws Exception {
        String providers = Descriptors.newDomain();
        String reader = Descriptors.newDomain();
        String twoProductsOwner = owner("provider-a");
        String oneProductOwner = owner("provider-b");
        String readerOwner = owner("reader");
        Descriptors a1 = Descriptors.product(providers).ownerUsername(twoProductsOwner);
        a1.publish().then().statusCode(201);
        Descriptors a2 = Descriptors.product(providers).ownerUsername(twoProductsOwner);
        a2.publish().then().statusCode(201);
        Descriptors b1 = Descriptors.product(providers).ownerUsername(oneProductOwner);
        b1.publish().then().statusCode(201);
        Descriptors p = reading(reader, readerOwner, a1.key(), a2.key(), b1.key());
        p.publish().then().statusCode(201);

        UndeclaredReadReports.Run run = reports.runOnce();
        assertThat(run.reported()).as("three reads of this test, maybe others'").isGreaterThanOrEqualTo(3);
        assertThat(reportsOf(p.key())).containsExactly("open", "open", "open");
        assertThat(deliveries(p.key()))
                .as("one digest for each of the three owners, by email and inbox")
                .containsExactlyInAnyOrder(
                        "email " + readerOwner,
                        "inbox " + readerOwner,
                        "email " + twoProductsOwner,
                        "inbox " + twoProductsOwner,
                        "email " + oneProductOwner,
                        "inbox " + oneProductOwner);
        sendUntil(() -> allMailsTo(readerOwner).size() == 1
                && allMailsTo(twoProductsOwner).size() == 1
                && allMailsTo(oneProductOwner).size() == 1);
        String toReader = allMailsTo(readerOwner).get(0);
        assertThat(toReader)
                .startsWith("Undeclared dependencies: 3 reads between domains involve your products")
                .contains("Your products read these without being declared as their consumers (3)")
                .contains("- your " + p.key() + " (")
                .contains(a1.key(), a2.key(), b1.key())
                .contains("ask its owner " + twoProductsOwner + " to declare domain " + reader + " as a consumer")
                .doesNotContain("read yours");
        String toA = allMailsTo(twoProductsOwner).get(0);
        assertThat(toA)
                .startsWith("Undeclared dependencies: 2 reads")
                .contains("read yours without being declared as consumers (2)")
                .contains("reads your " + a1.key() + " (", "reads your " + a2.key() + " (")
                .doesNotContain(b1.key());
        assertThat(allMailsTo(oneProductOwner).get(0))
                .startsWith("Undeclared dependency: " + p.key() + " reads " + b1.key())
                .contains("declare domain " + reader + " as a consumer");

        // The next run: nothing new, nothing sent; a new read tells only its two owners, of it alone.
        assertThat(reports.runOnce().digests()).isZero();
        Descriptors second = reading(reader, readerOwner, a1.key());
        second.publish().then().statusCode(201);
        reports.runOnce();
        sendUntil(() -> allMailsTo(readerOwner).size() == 2
                && allMailsTo(twoProductsOwner).size() == 2);
        assertThat(allMailsTo(readerOwner).get(1))
                .startsWith("Undeclared dependency: " + second.key() + " reads " + a1.key())
                .doesNotContain(p.key());
        assertThat(allMailsTo(oneProductOwner)).hasSize(1);
    }

    /** Runs the delivery worker until {@code done}: a send the shared SMTP server refused is retried after 30 s. */
    private void sendUntil(Callable<Boolean> done) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    worker.runOnce();
                    return done.call();
                });
    }

    private static String ownerOf(Descriptors d) {
        String yaml = d.yaml();
        int at = yaml.indexOf("- username: ") + 12;
        return yaml.substring(at, yaml.indexOf('\n', at));
    }

    /** The states of the reports of reads by {@code readingKey}, oldest first. */
    private List<String> reportsOf(String readingKey) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select case when resolved_at is null then 'open' else 'resolved' end"
                                        + " from watch_undeclared_read where reading_product_key = :k order by id",
                                String.class)
                        .setParameter("k", readingKey)
                        .getResultList());
    }

    /** "channel target" of each outbox row of the digests that told of reads by {@code readingKey}. */
    private List<String> deliveries(String readingKey) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select d.channel || ' ' || d.target from notification_delivery d"
                                        + " where d.topic = 'mesh-watch' and d.milestone = 'digest' and d.group_id in"
                                        + " (select reading_digest_id from watch_undeclared_read"
                                        + " where reading_product_key = :k"
                                        + " union select read_digest_id from watch_undeclared_read"
                                        + " where reading_product_key = :k)",
                                String.class)
                        .setParameter("k", readingKey)
                        .getResultList());
    }

    /** The mails GreenMail received for {@code address}, as "subject\n\nbody". */
    private static List<String> allMailsTo(String address) {
        return Mailbox.all(address).stream()
                .map(m -> m.subject() + "\n\n" + m.body())
                .toList();
    }

    /** The bodies of the mails GreenMail received for {@code address} about {@code productKey}. */
    private static List<String> mailsTo(String address, String productKey) {
        return Mailbox.to(address, productKey).stream().map(Mailbox.Mail::body).toList();
    }
}
