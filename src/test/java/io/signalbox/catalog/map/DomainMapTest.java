package io.signalbox.catalog.map;

import static io.restassured.RestAssured.given;
import static io.signalbox.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.signalbox.catalog.domain.DomainService;
import io.signalbox.catalog.domain.DomainService.DomainDraft;
import io.signalbox.testing.Descriptors;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The domain map (docs/domain-map.md) over a fixture mesh of five fresh domains:
 *
 * <pre>
 *   a: a1 reads b1 (b1 declares a), a2 reads b2 (b2 declares d, not a), a3 reads b3 (declares nobody),
 *      a4 reads a1 (its own domain: no edge)
 *   c: c1 reads b1, c2 reads b3 (both undeclared); c1 declares a as its consumer
 *   h: h1 reads c1 (undeclared); h's name is hostile
 *   d: no product; b2 declares it as a consumer
 * </pre>
 *
 * so the edges are a → b (3 products, 2 undeclared reads), c → b (2, 2), a → c (1, 0: a declaration only),
 * d → b (1, 0: a declaration only), h → c (1, 1).
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class DomainMapTest {

    @Inject
    DomainService domains;

    private static final String HOSTILE_NAME = "<script>alert('map')</script> & \"Ops\" <b>bold</b>";

    private static final String UNREGISTERED =
            "unregistered-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    // Built once for the class (the tests only read it); static because JUnit makes an instance per test.
    private static String a, b, c, d, h;

    @BeforeEach
    void aSmallMesh() {
        if (a != null) {
            return;
        }
        a = Descriptors.newDomain();
        b = Descriptors.newDomain();
        c = Descriptors.newDomain();
        d = Descriptors.newDomain();
        h = Descriptors.newDomain();
        given().contentType("application/json")
                .body("{\"name\":" + json(HOSTILE_NAME) + ",\"businessOwner\":\"Owner\",\"technicalContact\":\"t@x\""
                        + ",\"lockVersion\":0}")
                .put("/api/domains/" + h)
                .then()
                .statusCode(200);

        publish(product(b, "b1").consumer("Team A", a, "Reads b1"));
        publish(product(b, "b2").consumer("Team D", d, "Plans with b2"));
        publish(product(b, "b3"));
        publish(product(a, "a1").readsFrom(b + ".b1"));
        publish(product(a, "a2").readsFrom(b + ".b2"));
        publish(product(a, "a3").readsFrom(b + ".b3"));
        publish(product(a, "a4").readsFrom(a + ".a1"));
        publish(product(c, "c1").consumer("Team A", a, "Joins c1").readsFrom(b + ".b1"));
        publish(product(c, "c2").readsFrom(b + ".b3"));
        publish(product(h, "h1").readsFrom(c + ".c1"));
    }

    /**
     * A product whose only declared consumer (the council's rules want one) names a domain nobody registered: a
     * declaration makes an edge only towards a registered domain.
     */
    private static Descriptors product(String domain, String slug) {
        return Descriptors.product(domain)
                .slug(slug)
                .withoutConsumers()
                .consumer("Outsiders", UNREGISTERED, "Not a domain of this catalog");
    }

    private static void publish(Descriptors product) {
        product.publish().then().log().ifValidationFails().statusCode(201);
    }

    @Test
    void theJsonHoldsExactlyTheEdgesOfTheDefinitionWithWeightsAndUndeclaredReads() {
        JsonPath map =
                given().get("/api/domains/map").then().statusCode(200).extract().jsonPath();
        Set<String> mine = Set.of(a, b, c, d, h);
        List<Map<String, Object>> edges = map.getList("edges");
        assertThat(edges.stream().filter(e -> mine.contains(e.get("from")) || mine.contains(e.get("to"))))
                .extracting(e -> e.get("from"), e -> e.get("to"), e -> e.get("weight"), e -> e.get("undeclared"))
                .containsExactlyInAnyOrder(
                        tuple(a, b, 3, 2), tuple(c, b, 2, 2), tuple(a, c, 1, 0), tuple(d, b, 1, 0), tuple(h, c, 1, 1));

        List<Map<String, Object>> nodes = map.getList("nodes");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        nodes.forEach(n -> byKey.put((String) n.get("key"), n));
        assertThat(byKey).as("one node per domain").hasSize(nodes.size()).containsKeys(a, b, c, d, h);
        assertThat(byKey.get(a).get("products")).isEqualTo(4);
        assertThat(byKey.get(d).get("products")).isEqualTo(0);
        assertThat(byKey.get(h).get("name")).isEqualTo(HOSTILE_NAME);

        // The layout: boxes inside the drawing, each edge a polyline from its consumer's box to its provider's.
        double width = map.getDouble("width"), height = map.getDouble("height");
        for (Map<String, Object> node : nodes) {
            assertThat(number(node, "x")).isBetween(0.0, width);
            assertThat(number(node, "y") + number(node, "height")).isBetween(0.0, height);
            assertThat(number(node, "width")).isPositive();
        }
        Map<String, Object> ab = edges.stream()
                .filter(e -> a.equals(e.get("from")) && b.equals(e.get("to")))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) ab.get("points");
        assertThat(points).hasSizeGreaterThanOrEqualTo(2);
        assertThat(touches(points.get(0), byKey.get(a))).as("starts on a's box").isTrue();
        assertThat(touches(points.get(points.size() - 1), byKey.get(b)))
                .as("ends on b's box")
                .isTrue();
    }

    @Test
    void theSvgIsWellFormedWithOneBoxPerDomainDashedUndeclaredEdgesAndStrokesByWeight() throws Exception {
        JsonPath json = given().get("/api/domains/map").then().extract().jsonPath();
        String page =
                given().get("/domains/map").then().statusCode(200).extract().asString();
        Element svg = svgOf(page);

        Set<String> boxes = new HashSet<>();
        List<String> boxKeys = new ArrayList<>();
        NodeList links = svg.getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            boxKeys.add(link.getAttribute("data-key"));
            boxes.add(link.getAttribute("data-key"));
            assertThat(link.getAttribute("href")).isEqualTo("/domains/" + link.getAttribute("data-key"));
        }
        assertThat(boxKeys).as("one box per domain").hasSize(boxes.size());
        assertThat(boxes).isEqualTo(new HashSet<>(json.getList("nodes.key", String.class)));

        List<Element> edges = new ArrayList<>();
        NodeList paths = svg.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (path.getAttribute("class").startsWith("map-edge")) {
                edges.add(path);
            }
        }
        assertThat(edges).hasSize(json.getList("edges").size());
        for (Element edge : edges) {
            boolean undeclared = Integer.parseInt(edge.getAttribute("data-undeclared")) > 0;
            assertThat(edge.getAttribute("class").contains("map-edge--undeclared"))
                    .as("dashed class on " + edge.getAttribute("data-from") + " → " + edge.getAttribute("data-to"))
                    .isEqualTo(undeclared);
            assertThat(edge.getAttribute("marker-end")).contains(undeclared ? "map-arrow-undeclared" : "map-arrow");
            assertThat(edge.getElementsByTagName("title").item(0).getTextContent())
                    .contains(edge.getAttribute("data-from") + " depends on " + edge.getAttribute("data-to"));
        }
        edges.sort(Comparator.comparingInt(e -> Integer.parseInt(e.getAttribute("data-weight"))));
        for (int i = 1; i < edges.size(); i++) {
            Element lighter = edges.get(i - 1), heavier = edges.get(i);
            double thin = Double.parseDouble(lighter.getAttribute("stroke-width"));
            double thick = Double.parseDouble(heavier.getAttribute("stroke-width"));
            if (lighter.getAttribute("data-weight").equals(heavier.getAttribute("data-weight"))) {
                assertThat(thick).isEqualTo(thin);
            } else {
                assertThat(thick).as("a heavier edge is drawn thicker").isGreaterThan(thin);
            }
        }
        Element ab = edges.stream()
                .filter(e -> e.getAttribute("data-from").equals(a)
                        && e.getAttribute("data-to").equals(b))
                .findFirst()
                .orElseThrow();
        assertThat(ab.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo(a + " depends on " + b + ": 3 products flow, 2 undeclared reads");

        assertThat(svg.getElementsByTagName("script").getLength())
                .as("the map needs no script")
                .isZero();
    }

    @Test
    void aHostileDomainNameIsEscapedInTheSvgAndOnThePage() throws Exception {
        String page =
                given().get("/domains/map").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("<script>alert('map')").doesNotContain("<b>bold</b>");
        Element svg = svgOf(page);
        NodeList links = svg.getElementsByTagName("a");
        Element box = null;
        for (int i = 0; i < links.getLength(); i++) {
            if (((Element) links.item(i)).getAttribute("data-key").equals(h)) {
                box = (Element) links.item(i);
            }
        }
        assertThat(box).isNotNull();
        assertThat(box.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo(HOSTILE_NAME + " (" + h + "): 1 product");
        assertThat(box.getElementsByTagName("text").item(0).getTextContent())
                .as("the label, cut to 28 characters")
                .isEqualTo(HOSTILE_NAME.substring(0, 27).stripTrailing() + "…");
        assertThat(box.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void theTableTwinListsTheEdgesAPageAtATime() {
        org.jsoup.nodes.Document page = Jsoup.parse(
                given().get("/domains/map").then().statusCode(200).extract().asString());
        assertThat(page.select("h1").text()).isEqualTo("Domain map");
        assertThat(page.select("a[href=/api/domains/map]")).isNotEmpty();
        assertThat(page.select("#dependencies-heading ~ table tbody tr"))
                .extracting(row -> row.select("td").eachText())
                .contains(List.of(a, b, "3", "2"), List.of(d, b, "1", "0"));

        String next = Jsoup.parse(given().get("/domains/map?size=1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .select("a[rel=next]")
                .attr("href");
        assertThat(next).contains("after=").contains("size=1");
        org.jsoup.nodes.Document second =
                Jsoup.parse(given().get(next).then().statusCode(200).extract().asString());
        assertThat(second.select("#dependencies-heading ~ table tbody tr")).hasSize(1);

        given().get("/domains/map?size=0").then().statusCode(400);
        given().get("/domains/map?after=nonsense!").then().statusCode(400);
    }

    @Test
    void theDomainPageShowsWhatItConsumesAndWhoDependsOnIt() {
        given().get("/api/domains/" + a)
                .then()
                .statusCode(200)
                .body("consumes.total", org.hamcrest.Matchers.equalTo(4))
                .body("dependedOnBy.total", org.hamcrest.Matchers.equalTo(0));
        JsonPath consumes =
                given().get("/api/domains/" + a).then().extract().jsonPath().setRootPath("consumes");
        assertThat(consumes.getList("products.key")).containsExactly(b + ".b1", b + ".b2", b + ".b3", c + ".c1");
        assertThat(consumes.getList("products.readers")).containsExactly(1, 1, 1, 0);
        assertThat(consumes.getList("products.declared")).containsExactly(true, false, false, true);
        assertThat(consumes.getList("products.undeclaredReads")).containsExactly(0, 1, 1, 0);
        assertThat(consumes.getList("products.domain")).containsExactly(b, b, b, c);

        JsonPath provider = given().get("/api/domains/" + b).then().extract().jsonPath();
        assertThat(provider.getInt("dependedOnBy.total")).isEqualTo(3);
        assertThat(provider.getList("dependedOnBy.domains.key")).containsExactly(a, c, d);
        assertThat(provider.getList("dependedOnBy.domains.weight")).containsExactly(3, 2, 1);
        assertThat(provider.getList("dependedOnBy.domains.undeclared")).containsExactly(2, 2, 0);
        assertThat(provider.getInt("consumes.total")).isZero();

        JsonPath cDependents = given().get("/api/domains/" + c).then().extract().jsonPath();
        assertThat(cDependents.getList("dependedOnBy.domains.key"))
                .containsExactlyElementsOf(a.compareTo(h) < 0 ? List.of(a, h) : List.of(h, a));
        assertThat(cDependents.getList("consumes.products.key")).containsExactly(b + ".b1", b + ".b3");

        org.jsoup.nodes.Document page = Jsoup.parse(
                given().get("/domains/" + b).then().statusCode(200).extract().asString());
        assertThat(page.select("#depended-heading").text()).isEqualTo("Depended on by (3)");
        assertThat(page.select("#depended-heading ~ table tbody tr"))
                .extracting(row -> row.select("td").eachText())
                .containsExactly(
                        List.of("Domain " + a, "3", "2"),
                        List.of("Domain " + c, "2", "2"),
                        List.of("Domain " + d, "1", "0"));
        assertThat(page.select("a[href=/domains/map]")).isNotEmpty();
        org.jsoup.nodes.Document consumer = Jsoup.parse(
                given().get("/domains/" + a).then().statusCode(200).extract().asString());
        assertThat(consumer.select("#consumes-heading").text()).isEqualTo("Consumes (4)");
        assertThat(consumer.select("#consumes-heading ~ table a[href^=/products/]")
                        .eachAttr("href"))
                .containsExactly(
                        "/products/" + b + ".b1",
                        "/products/" + b + ".b2",
                        "/products/" + b + ".b3",
                        "/products/" + c + ".c1");
        assertThat(consumer.select("#consumes-heading ~ table .badge--undeclared")
                        .eachText())
                .containsExactly("1 undeclared", "1 undeclared");
    }

    @Test
    void mapIsAReservedDomainKeyAndItsRoutesAreTheMapsNotADomains() {
        problem(
                        given().contentType("application/json")
                                .body("{\"name\":\"Map\",\"businessOwner\":\"O\",\"technicalContact\":\"t@x\"}")
                                .put("/api/domains/map"),
                        422)
                .body("errors.field", hasItem("key"));
        // Whatever the way in, the catalog's one registration refuses the key.
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                Refusal.Invalid.class,
                                () -> domains.register(
                                        "map", new DomainDraft("Map", null, "O", "t@x", null), Descriptors.TEST_OWNER))
                        .problems())
                .extracting(FieldProblem::field)
                .containsExactly("key");
        given().get("/api/domains/map")
                .then()
                .statusCode(200)
                .body("nodes.key", hasItem(a))
                .body("edges.from", hasItem(a));
        given().get("/domains/map").then().statusCode(200).body(org.hamcrest.Matchers.containsString("<svg"));
        // The domain routes beside it are untouched.
        given().get("/api/domains/" + a).then().statusCode(200).body("key", org.hamcrest.Matchers.equalTo(a));
        given().get("/domains/" + a).then().statusCode(200);
        given().get("/api/domains/map/products").then().statusCode(404);
    }

    private static Element svgOf(String page) throws Exception {
        int start = page.indexOf("<svg");
        int end = page.indexOf("</svg>", start);
        assertThat(start).as("the page holds an inline SVG").isNotNegative();
        String svg = page.substring(start, end + "</svg>".length());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return document.getDocumentElement();
    }

    private static boolean touches(Map<String, Object> point, Map<String, Object> box) {
        double x = number(point, "x"), y = number(point, "y");
        double left = number(box, "x"), top = number(box, "y");
        return x >= left - 1
                && x <= left + number(box, "width") + 1
                && y >= top - 1
                && y <= top + number(box, "height") + 1;
    }

    private static double number(Map<String, Object> object, String field) {
        return ((Number) object.get(field)).doubleValue();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
