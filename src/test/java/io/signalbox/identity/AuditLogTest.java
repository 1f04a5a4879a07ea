package io.signalbox.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.signalbox.testing.Api;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.Paging;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class AuditLogTest {

    @Inject
    AuditLog audit;

    /** Records {@code count} changes to one fresh domain (subjects numbered from 0, oldest first); returns its key. */
    private String domainWithChanges(int count) {
        String domain = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                audit.record(new AuditLog.Change(
                        "pat.paging", "domain.updated", "domain", domain + "-" + i, domain, null, "change " + i));
            }
        });
        return domain;
    }

    @Test
    void theApiPagesTheLogNewestFirstByTheOneContract() {
        String domain = domainWithChanges(57);

        Response first = given().get("/api/audit?domain=" + domain);
        first.then().statusCode(200).body("items", hasSize(AuditLog.DEFAULT_PAGE_SIZE));
        String next = first.jsonPath().getString("next");
        assertThat(next).startsWith("/api/audit?domain=" + domain + "&after=").endsWith("&size=50");
        assertThat(first.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");

        given().get(next).then().statusCode(200).body("items", hasSize(7)).body("next", nullValue());
        given().get("/api/audit?size=200&domain=" + domain)
                .then()
                .statusCode(200)
                .body("items", hasSize(57))
                .body("next", nullValue());
    }

    @Test
    void followingNextVisitsEveryEntryOnceNewestFirstAndKeepsTheFilters() {
        String domain = domainWithChanges(23);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(new AuditLog.Change(
                        "pat.paging", "domain.registered", "domain", domain, domain, null, "other action")));

        List<String> subjects = new ArrayList<>();
        String next = "/api/audit?action=domain.updated&size=5&domain=" + domain;
        int pages = 0;
        while (next != null) {
            JsonPath page = given().get(next).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.subjectKey", String.class);
            assertThat(items.size()).isBetween(1, 5);
            subjects.addAll(items);
            next = page.getString("next");
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        List<String> expected = new ArrayList<>();
        for (int i = 22; i >= 0; i--) {
            expected.add(domain + "-" + i);
        }
        assertThat(subjects)
                .as("newest first, each once, only the filtered action")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aPageSizeOutOfRangeOrACursorNotOursIsA400NamingIt() {
        for (String size : List.of("0", "201", "100000", "-1")) {
            Api.problem(given().get("/api/audit?size=" + size), 400).body("errors.field", contains("size"));
        }
        for (String cursor :
                List.of("garbage!", Paging.cursor(List.of("not-an-instant", "1")), Paging.cursor(List.of("x")))) {
            Api.problem(given().queryParam("after", cursor).get("/api/audit"), 400)
                    .body("errors.field", contains("after"));
        }
    }

    @Test
    void theAuditPageShowsABoundedPageWithOlderAndNewerLinksThatKeepTheFilters() {
        String domain = domainWithChanges(120);

        Document newest = Jsoup.parse(given().get("/audit?domain=" + domain)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(newest.select("tbody tr")).hasSize(AuditLog.DEFAULT_PAGE_SIZE);
        assertThat(newest.select("a[rel=prev]")).isEmpty();
        String older = newest.select("a[rel=next]").attr("href");
        assertThat(older).startsWith("/audit?domain=" + domain + "&after=");

        Document second =
                Jsoup.parse(given().get(older).then().statusCode(200).extract().asString());
        assertThat(second.select("tbody tr").first().text()).contains(domain + "-69");
        Document third = Jsoup.parse(given().get(second.select("a[rel=next]").attr("href"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(third.select("tbody tr")).hasSize(20);
        assertThat(third.select("a[rel=next]")).as("the oldest page").isEmpty();

        String newer = third.select("a[rel=prev]").attr("href");
        assertThat(newer).startsWith("/audit?domain=" + domain + "&before=");
        Document backToSecond =
                Jsoup.parse(given().get(newer).then().statusCode(200).extract().asString());
        assertThat(backToSecond.select("tbody tr").eachText())
                .isEqualTo(second.select("tbody tr").eachText());
        Document backToNewest =
                Jsoup.parse(given().get(backToSecond.select("a[rel=prev]").attr("href"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertThat(backToNewest.select("tbody tr").eachText())
                .isEqualTo(newest.select("tbody tr").eachText());
        assertThat(backToNewest.select("a[rel=prev]"))
                .as("the newest page again")
                .isEmpty();
    }

    @Inject
    jakarta.persistence.EntityManager em;

    /**
     * The plan PostgreSQL makes for a page of each filter, as {@link AuditLog} queries it: an index range read on the
     * filter's column in the log's order (no sort of the matching rows). Sequential scans, bitmap scans and sorts are
     * made dear because on a test's few hundred rows they are cheapest, which at 100 000 products they are not; without
     * the filter's index the plan would read the whole log in order and filter it.
     */
    @Test
    void eachFilterReadsItsPageThroughItsOwnIndexInTheLogsOrder() {
        domainWithChanges(3);
        java.util.Map<String, String> filters = java.util.Map.of(
                "domain", "domain_key = 'network'",
                "action", "action = 'domain.updated'",
                "actor", "lower(actor) = lower('Pat.Paging')",
                "subject", "subject_key = 'network'");
        filters.forEach((filter, condition) -> {
            String plan = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
                em.createNativeQuery("set local enable_sort = off").executeUpdate();
                @SuppressWarnings("unchecked")
                List<String> lines = em.createNativeQuery("explain select * from audit_event where " + condition
                                + " and (occurred_at, id) < (now(), 9223372036854775807)"
                                + " order by occurred_at desc, id desc limit 51")
                        .getResultList();
                return String.join("\n", lines);
            });
            assertThat(plan)
                    .as("the plan of a page filtered by " + filter)
                    .contains("Index Scan using audit_event_" + filter + "_at_idx")
                    .doesNotContain("Sort");
        });
    }

    @Inject
    io.signalbox.catalog.domain.DomainService domains;

    @Inject
    DomainOwnership ownership;

    /** A domain registered directly, owned by the given person through a grant. */
    private String domainOwnedBy(String person) {
        String key = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        domains.register(
                key,
                new io.signalbox.catalog.domain.DomainService.DomainDraft(
                        "Domain " + key, "Test domain", "Owner <owner@example.com>", "tech@example.com", null),
                "test-setup");
        ownership.grant(key, person, "test-setup");
        return key;
    }

    @Test
    @TestSecurity(user = "olga.pager", roles = "reader")
    void anOwnersLogMergesTheirDomainsNewestFirstAndItsPagesVisitEachEntryOnce() {
        String network = domainOwnedBy("olga.pager");
        String billing = domainOwnedBy("olga.pager");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 7; i++) {
                String domain = i % 3 == 0 ? network : billing;
                audit.record(new AuditLog.Change(
                        "pat.paging", "domain.updated", "domain", domain + "-" + i, domain, null, "change " + i));
            }
        });
        List<AuditLog.Entry> expected = new ArrayList<>();
        for (String domain : List.of(network, billing)) {
            expected.addAll(audit.browse(
                    new AuditLog.Filter(
                            java.util.Optional.of(domain),
                            java.util.Optional.empty(),
                            java.util.Optional.empty(),
                            java.util.Optional.empty()),
                    Paging.request(null, 200, 50, 200, 2)));
        }
        expected.sort(java.util.Comparator.comparing(AuditLog.Entry::occurredAt)
                .thenComparing(AuditLog.Entry::id)
                .reversed());

        List<Long> seen = new ArrayList<>();
        String next = "/api/audit?size=3";
        while (next != null) {
            JsonPath page = given().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            next = page.getString("next");
        }
        assertThat(expected).as("registrations, grants and the seven changes").hasSizeGreaterThan(10);
        assertThat(seen)
                .as("both owned domains, newest first, each entry once")
                .containsExactlyElementsOf(
                        expected.stream().map(AuditLog.Entry::id).toList());
    }

    @Test
    void theActionFilterOffersEachRecordedActionOnce() {
        domainWithChanges(3);
        assertThat(audit.actions())
                .contains("domain.updated")
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @Test
    void registeringADomainAndPublishingTwoVersionsAreRecordedWithBeforeAndAfter() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        product.version("1.1.0").changelog("Second.").publish().then().statusCode(201);

        given().get("/api/audit?domain=" + domain)
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body(
                        "items.action",
                        contains("product.published", "product.published", "ownership.granted", "domain.registered"))
                .body("items[0].actor", equalTo(Descriptors.TEST_OWNER))
                .body("items[0].subjectKey", equalTo(product.key()))
                .body("items[0].before", containsString("version 1.0.0"))
                .body("items[0].after", containsString("version 1.1.0"))
                .body("items[1].before", nullValue())
                .body("items[3].after", containsString("Owner <owner@example.com>"));
    }

    @Test
    void refusedAndRepeatedPublicationsLeaveNoTrace() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        product.publish().then().statusCode(200);
        product.title("x".repeat(300)).version("2.0.0").publish().then().statusCode(422);

        given().get("/api/audit?domain=" + domain + "&action=product.published")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void anUnchangedDomainUpdateIsNotRecordedButAChangedOneIs() {
        String domain = Descriptors.newDomain();
        String body = "{\"name\":\"Domain " + domain + "\",\"description\":\"Test domain\","
                + "\"businessOwner\":\"Owner <owner@example.com>\",\"technicalContact\":\"tech@example.com\"}";
        given().contentType("application/json")
                .body(body)
                .put("/api/domains/" + domain)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body(body.replace("tech@example.com", "new-tech@example.com"))
                .put("/api/domains/" + domain)
                .then()
                .statusCode(200);

        given().get("/api/audit?subject=" + domain)
                .then()
                .body("items.action", contains("domain.updated", "ownership.granted", "domain.registered"))
                .body("items[0].before", containsString("tech@example.com"))
                .body("items[0].after", containsString("new-tech@example.com"));
    }

    @Test
    void theAuditPageListsChangesAndKeepsItsFilters() {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);

        Document page = Jsoup.parse(given().get("/audit?domain=" + domain)
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(page.select("input[name=domain]").attr("value")).isEqualTo(domain);
        assertThat(page.select("tbody tr")).hasSize(3);
        assertThat(page.select("tbody a").eachAttr("href"))
                .contains("/products/" + product.key(), "/domains/" + domain);
    }
}
