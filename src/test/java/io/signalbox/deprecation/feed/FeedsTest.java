package io.signalbox.deprecation.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.signalbox.deprecation.feed.NoticeRows.Notice;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Atom feeds of deprecation notices, read as a feed reader reads them: every answer parsed by ROME (an independent
 * Atom parser), its ids, titles, links, dates, order and bounds checked; the domain and product filters, 404s,
 * conditional GET, and hostile text escaped by the writer and read back intact.
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class FeedsTest {

    static final String BASE = "http://localhost:8080";
    static final String TAG = "tag:localhost,2026:signalbox:";
    static final Instant ISSUED = Instant.parse("2026-11-02T09:15:30Z");
    static final Instant EXTENDED = Instant.parse("2026-11-20T14:05:00Z");

    @Inject
    DataSource db;

    @Inject
    AdjustableClock clock;

    NoticeRows rows;
    String domain;
    String productKey;

    @BeforeEach
    void aDomainWithAPublishedProduct() {
        rows = new NoticeRows(db);
        domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        productKey = product.key();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aProductFeedIsAtomWithOneEntryPerStepOfItsNoticesNewestFirst() {
        NoticeRows.Issued issued = rows.issue(
                Notice.active(productKey, domain, "Replaced by the v2 contract.", LocalDate.parse("2027-03-01"), ISSUED)
                        .successor(productKey + "-v2"));
        long notice = issued.notice();
        long extended = rows.event(
                notice, productKey, domain, "extended", EXTENDED, "sunset moved from 2027-03-01 to 2027-04-01");
        rows.moveSunset(notice, LocalDate.parse("2027-04-01"));

        Response answer = given().get("/feeds/products/" + productKey + ".atom");
        answer.then().statusCode(200);
        assertThat(answer.getHeader("Content-Type")).isEqualToIgnoringCase("application/atom+xml; charset=utf-8");
        SyndFeed feed = parse(answer.asByteArray());

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo(TAG + "feeds/products/" + productKey);
        assertThat(feed.getTitle()).contains(productKey).startsWith("Deprecation notices of ");
        assertThat(links(feed))
                .containsEntry("self", BASE + "/feeds/products/" + productKey + ".atom")
                .containsEntry("alternate", BASE + "/products/" + productKey + "/deprecation");
        assertThat(feed.getAuthors()).extracting(a -> a.getName()).containsExactly("Signalbox");
        assertThat(atom(feed).getUpdated()).isEqualTo(Date.from(EXTENDED));

        assertThat(feed.getEntries()).hasSize(2);
        SyndEntry newest = feed.getEntries().get(0);
        assertThat(newest.getUri()).isEqualTo(TAG + "deprecation-event:" + extended);
        assertThat(newest.getTitle()).isEqualTo(productKey + ": sunset moved to 1 April 2027");
        assertThat(newest.getUpdatedDate()).isEqualTo(Date.from(EXTENDED));
        assertThat(newest.getPublishedDate()).isEqualTo(Date.from(EXTENDED));
        assertThat(newest.getLink()).isEqualTo(BASE + "/products/" + productKey + "/deprecation?notice=" + notice);
        assertThat(newest.getCategories()).extracting(c -> c.getName()).containsExactly("extended");
        assertThat(newest.getContents()).singleElement().satisfies(content -> {
            assertThat(content.getType()).isEqualTo("text");
            assertThat(content.getValue())
                    .contains("Reason: Replaced by the v2 contract.")
                    .contains("Successor: " + productKey + "-v2 (" + BASE + "/products/" + productKey + "-v2)")
                    .contains("Sunset: 1 April 2027 (the notice is active)");
        });

        SyndEntry first = feed.getEntries().get(1);
        assertThat(first.getUri()).isEqualTo(TAG + "deprecation-event:" + issued.event());
        // The day the notice announced when it was issued, not the sunset it has now.
        assertThat(first.getTitle()).isEqualTo(productKey + ": deprecated, stops on 1 March 2027");
        assertThat(first.getPublishedDate()).isEqualTo(Date.from(ISSUED));
        assertThat(first.getCategories()).extracting(c -> c.getName()).containsExactly("issued");
    }

    @Test
    void aNoticeIssuedExtendedAndRescindedThroughTheApiIsThreeEntriesWithItsReasonIntact() {
        String reason = "Moved to <script>alert(1)</script> & the ]]> lake";
        String api = "/api/products/" + productKey + "/deprecation";
        Instant issuedAt = Instant.parse("2027-01-10T09:00:00Z");
        clock.freeze(issuedAt);
        given().contentType("application/json")
                .body("{\"reason\": " + Descriptors.quote(reason) + ", \"sunset\": \"2027-06-01\","
                        + " \"successor\": \"none\", \"noSuccessorReason\": \"The data is no longer collected\"}")
                .post(api)
                .then()
                .statusCode(201);
        clock.advance(Duration.ofDays(1));
        given().contentType("application/json")
                .body("{\"sunset\": \"2027-07-01\"}")
                .put(api)
                .then()
                .statusCode(200);
        clock.advance(Duration.ofDays(1));
        given().queryParam("reason", "Kept & maintained").delete(api).then().statusCode(200);

        for (String path : List.of(
                "/feeds/products/" + productKey + ".atom",
                "/feeds/domains/" + domain + ".atom",
                "/feeds/deprecations.atom")) {
            List<SyndEntry> entries = parse(get(path)).getEntries().subList(0, 3);
            assertThat(entries)
                    .as(path)
                    .extracting(SyndEntry::getTitle)
                    .containsExactly(
                            productKey + ": deprecation withdrawn",
                            productKey + ": sunset moved to 1 July 2027",
                            productKey + ": deprecated, stops on 1 June 2027");
            assertThat(entries)
                    .extracting(SyndEntry::getPublishedDate)
                    .containsExactly(
                            Date.from(issuedAt.plus(Duration.ofDays(2))),
                            Date.from(issuedAt.plus(Duration.ofDays(1))),
                            Date.from(issuedAt));
            assertThat(entries.get(0).getContents().get(0).getValue())
                    .contains("Why: Kept & maintained")
                    .contains("Reason: " + reason + "\n")
                    .contains("Successor: none. The data is no longer collected")
                    .contains("Sunset: 1 July 2027 (the notice was withdrawn)")
                    .contains("Recorded by: " + Descriptors.TEST_OWNER);
        }
    }

    @Test
    void eachKindOfStepHasItsOwnTitleAndAMajorLineIsNamed() {
        long notice = rows.issue(Notice.active(productKey, domain, "Old line.", LocalDate.parse("2027-05-10"), ISSUED)
                        .major(1))
                .notice();
        rows.event(notice, productKey, domain, "retired", EXTENDED, "major line 1 retired at its sunset");
        long other = rows.issue(new Notice(
                        productKey,
                        domain,
                        null,
                        "rescinded",
                        "Kept after all.",
                        null,
                        LocalDate.parse("2027-06-01"),
                        ISSUED))
                .notice();
        rows.event(other, productKey, domain, "rescinded", EXTENDED.plusSeconds(60), "rescinded");

        SyndFeed feed = parse(get("/feeds/products/" + productKey + ".atom"));

        assertThat(feed.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly(
                        productKey + ": deprecation withdrawn",
                        productKey + ": deprecated, stops on 1 June 2027",
                        productKey + " 1.x: retired",
                        productKey + " 1.x: deprecated, stops on 10 May 2027");
        assertThat(feed.getEntries().get(0).getContents().get(0).getValue())
                .contains("Successor: none. Nobody needs it any more.")
                .contains("(the notice was withdrawn)");
    }

    @Test
    void aDomainFeedCarriesItsProductsAndNoOtherDomains() {
        Descriptors sibling = Descriptors.product(domain);
        sibling.publish().then().statusCode(201);
        String otherDomain = Descriptors.newDomain();
        Descriptors stranger = Descriptors.product(otherDomain);
        stranger.publish().then().statusCode(201);
        long mine = rows.issue(Notice.active(productKey, domain, "One.", LocalDate.parse("2027-03-01"), ISSUED))
                .event();
        long siblings = rows.issue(Notice.active(sibling.key(), domain, "Two.", LocalDate.parse("2027-03-02"), ISSUED))
                .event();
        long strangers = rows.issue(
                        Notice.active(stranger.key(), otherDomain, "Three.", LocalDate.parse("2027-03-03"), ISSUED))
                .event();

        SyndFeed domainFeed = parse(get("/feeds/domains/" + domain + ".atom"));
        assertThat(domainFeed.getUri()).isEqualTo(TAG + "feeds/domains/" + domain);
        assertThat(links(domainFeed))
                .containsEntry("self", BASE + "/feeds/domains/" + domain + ".atom")
                .containsEntry("alternate", BASE + "/domains/" + domain);
        assertThat(ids(domainFeed))
                .containsExactly(TAG + "deprecation-event:" + siblings, TAG + "deprecation-event:" + mine);

        assertThat(ids(parse(get("/feeds/products/" + productKey + ".atom"))))
                .containsExactly(TAG + "deprecation-event:" + mine);
        assertThat(ids(parse(get("/feeds/domains/" + otherDomain + ".atom"))))
                .containsExactly(TAG + "deprecation-event:" + strangers);

        SyndFeed all = parse(get("/feeds/deprecations.atom"));
        assertThat(all.getUri()).isEqualTo(TAG + "feeds/deprecations");
        assertThat(links(all))
                .containsEntry("self", BASE + "/feeds/deprecations.atom")
                .containsEntry("alternate", BASE + "/");
        assertThat(ids(all))
                .startsWith(
                        TAG + "deprecation-event:" + strangers,
                        TAG + "deprecation-event:" + siblings,
                        TAG + "deprecation-event:" + mine);
    }

    @Test
    void aFeedCarriesTheNewestFiftyOfSixtyEvents() {
        NoticeRows.Issued issued =
                rows.issue(Notice.active(productKey, domain, "Busy.", LocalDate.parse("2027-03-01"), ISSUED));
        long notice = issued.notice();
        List<Long> events = new ArrayList<>();
        events.add(issued.event());
        LocalDate sunset = LocalDate.parse("2027-03-01");
        for (int i = 1; i < 60; i++) {
            LocalDate later = sunset.plusDays(1);
            events.add(rows.event(
                    notice,
                    productKey,
                    domain,
                    "extended",
                    ISSUED.plusSeconds(60L * i),
                    "sunset moved from " + sunset + " to " + later));
            sunset = later;
        }
        Collections.reverse(events);
        List<String> newestFifty = events.subList(0, 50).stream()
                .map(id -> TAG + "deprecation-event:" + id)
                .toList();

        for (String path : List.of("/feeds/products/" + productKey + ".atom", "/feeds/domains/" + domain + ".atom")) {
            SyndFeed feed = parse(get(path));
            assertThat(ids(feed)).as(path).containsExactlyElementsOf(newestFifty);
            assertThat(atom(feed).getUpdated()).isEqualTo(Date.from(ISSUED.plusSeconds(60L * 59)));
        }
        assertThat(parse(get("/feeds/deprecations.atom")).getEntries()).hasSize(50);
    }

    @Test
    void aFeedWithoutNoticesIsStillValidAtom() {
        SyndFeed feed = parse(get("/feeds/domains/" + domain + ".atom"));

        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getUri()).isEqualTo(TAG + "feeds/domains/" + domain);
        assertThat(atom(feed).getUpdated()).isEqualTo(Date.from(Instant.EPOCH));
        assertThat(parse(get("/feeds/products/" + productKey + ".atom")).getEntries())
                .isEmpty();
    }

    @Test
    void anUnknownDomainOrProductHasNoFeed() {
        given().get("/feeds/domains/no-such-domain.atom").then().statusCode(404);
        given().get("/feeds/products/" + domain + ".no-such-product.atom")
                .then()
                .statusCode(404);
        given().get("/feeds/products/" + productKey + ".rss").then().statusCode(404);
    }

    @Test
    void aReaderThatHasTheFeedIsAnswered304UntilSomethingChanges() {
        long notice = rows.issue(Notice.active(productKey, domain, "Old.", LocalDate.parse("2027-03-01"), ISSUED))
                .notice();
        String path = "/feeds/products/" + productKey + ".atom";
        Response first = given().get(path);
        first.then().statusCode(200);
        String etag = first.getHeader("ETag");
        String lastModified = first.getHeader("Last-Modified");
        assertThat(etag).startsWith("W/\"");
        assertThat(lastModified).isEqualTo("Mon, 02 Nov 2026 09:15:30 GMT");

        Response again = given().header("If-None-Match", etag).get(path);
        again.then().statusCode(304).header("ETag", etag);
        assertThat(again.asByteArray()).isEmpty();
        given().header("If-None-Match", "\"someone-else\", " + etag.substring(2))
                .get(path)
                .then()
                .statusCode(304);
        given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
        given().header("If-Modified-Since", "Mon, 02 Nov 2026 09:15:29 GMT")
                .get(path)
                .then()
                .statusCode(200);
        // If-None-Match decides when both are sent (RFC 9110 §13.1.3).
        given().header("If-None-Match", "W/\"stale\"")
                .header("If-Modified-Since", lastModified)
                .get(path)
                .then()
                .statusCode(200);

        // The notice's reason changed without a new step: the entries' text changed, so the tag does.
        rows.update(notice, "reason", "New reason.");
        Response changed = given().header("If-None-Match", etag).get(path);
        changed.then().statusCode(200);
        String changedTag = changed.getHeader("ETag");
        assertThat(changedTag).isNotEqualTo(etag);

        rows.event(notice, productKey, domain, "extended", EXTENDED, "sunset moved from 2027-03-01 to 2027-04-01");
        Response extended = given().header("If-None-Match", changedTag)
                .header("If-Modified-Since", lastModified)
                .get(path);
        extended.then().statusCode(200).header("Last-Modified", "Fri, 20 Nov 2026 14:05:00 GMT");
        assertThat(extended.getHeader("ETag")).isNotIn(etag, changedTag);
        assertThat(parse(extended.asByteArray()).getEntries()).hasSize(2);
    }

    @Test
    void hostileTextInAReasonIsEscapedAndReadBackIntact() {
        String reason = "Use <script>alert('x')</script> & friends; ]]> ends CDATA; \"quoted\" <![CDATA[ x ]]> &amp;";
        rows.issue(Notice.active(productKey, domain, reason, LocalDate.parse("2027-03-01"), ISSUED));

        byte[] body = get("/feeds/products/" + productKey + ".atom");
        String xml = new String(body, StandardCharsets.UTF_8);

        assertThat(xml).doesNotContain("<script>").doesNotContain("]]>").doesNotContain("<![CDATA[");
        assertThat(parse(body).getEntries().get(0).getContents().get(0).getValue())
                .contains("Reason: " + reason + "\n");
    }

    @Test
    void charactersXmlCannotCarryAreReplacedSoTheFeedStaysReadable() {
        // The portal refuses these at the door; a row written some other way must still not break every reader.
        rows.issue(Notice.active(
                productKey,
                domain,
                "bell\u0007 and \uFFFE and emoji \uD83D\uDCC9",
                LocalDate.parse("2027-03-01"),
                ISSUED));

        SyndFeed feed = parse(get("/feeds/products/" + productKey + ".atom"));

        assertThat(feed.getEntries().get(0).getContents().get(0).getValue())
                .contains("Reason: bell\uFFFD and \uFFFD and emoji \uD83D\uDCC9\n");
    }

    private byte[] get(String path) {
        Response answer = given().get(path);
        answer.then().statusCode(200);
        return answer.asByteArray();
    }

    static SyndFeed parse(byte[] body) {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            return input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (Exception e) {
            throw new AssertionError("not a readable Atom feed: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    static Feed atom(SyndFeed feed) {
        return (Feed) feed.originalWireFeed();
    }

    static Map<String, String> links(SyndFeed feed) {
        return feed.getLinks().stream().collect(Collectors.toMap(SyndLink::getRel, SyndLink::getHref));
    }

    static List<String> ids(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getUri).toList();
    }
}
