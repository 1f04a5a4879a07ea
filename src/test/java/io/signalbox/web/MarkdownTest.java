package io.signalbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    private static Document html(String markdown) {
        return Jsoup.parseBodyFragment(Markdown.toHtml(markdown));
    }

    // --- rendered: each GitHub-flavoured feature ---

    @Test
    void aTableRendersAsATableWithItsHeaderAndCells() {
        Document doc = html("| Column | Meaning |\n|---|:---:|\n| `service_id` | **Canonical** id |\n");

        assertThat(doc.select("table thead th").eachText()).containsExactly("Column", "Meaning");
        assertThat(doc.select("table tbody td").eachText()).containsExactly("service_id", "Canonical id");
        assertThat(doc.select("table tbody td code").text()).isEqualTo("service_id");
        assertThat(doc.select("table tbody td strong").text()).isEqualTo("Canonical");
    }

    @Test
    void doubleTildesStrikeThrough() {
        Document doc = html("Refreshed ~~hourly~~ daily.");

        assertThat(doc.select("del").text()).isEqualTo("hourly");
        assertThat(doc.text()).isEqualTo("Refreshed hourly daily.");
    }

    @Test
    void bareWebAddressesAndMailAddressesBecomeLinks() {
        Document doc = html("See https://wiki.example.com/services, or ask data@example.com.");

        assertThat(doc.select("a").eachAttr("href"))
                .containsExactly("https://wiki.example.com/services", "mailto:data@example.com");
    }

    @Test
    void taskListsShowDisabledCheckboxes() {
        Document doc = html("- [x] schema published\n- [ ] freshness measured\n");

        assertThat(doc.select("li input[type=checkbox]")).hasSize(2);
        assertThat(doc.select("li input[type=checkbox]").eachAttr("disabled")).hasSize(2);
        assertThat(doc.select("li input[checked]")).hasSize(1);
        assertThat(doc.select("li").eachText()).containsExactly("schema published", "freshness measured");
    }

    @Test
    void authorsHeadingsSitBelowThePagesOwn() {
        assertThat(html("# Purpose\n\n## Detail").select("h4, h5").eachText()).containsExactly("Purpose", "Detail");
    }

    // --- rendered: the same safety for every extension ---

    @Test
    void rawHtmlIsEscapedNotPassedThrough() {
        Document doc = html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>");

        assertThat(doc.select("script, img")).isEmpty();
        assertThat(doc.text()).contains("<script>alert(1)</script>").contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void unsafeLinkTargetsAreDropped() {
        Document doc = html("[a](javascript:alert(1)) [b](data:text/html,<b>x</b>) [c](vbscript:msgbox) "
                + "![d](javascript:alert(1)) [e](JaVaScRiPt:alert(1))");

        assertThat(doc.select("a[href], img[src]").eachAttr("abs:href"))
                .allSatisfy(h -> assertThat(h).isEmpty());
        assertThat(Markdown.toHtml("[a](javascript:alert(1))")).doesNotContainIgnoringCase("javascript");
        assertThat(Markdown.toHtml("[b](data:text/html,x) [c](vbscript:msgbox)"))
                .doesNotContain("data:")
                .doesNotContain("vbscript:");
    }

    @Test
    void anAutolinkedScriptAddressIsNotALink() {
        String rendered = Markdown.toHtml("Go to javascript://%0aalert(1) or <javascript:alert(1)> or "
                + "data://text/html;base64,PHNjcmlwdD4= now");

        assertThat(Jsoup.parseBodyFragment(rendered).select("a").eachAttr("href"))
                .allSatisfy(h ->
                        assertThat(h).doesNotContainIgnoringCase("javascript").doesNotContain("data:"));
        assertThat(rendered).doesNotContain("href=\"javascript").doesNotContain("href=\"data");
    }

    @Test
    void htmlAndUnsafeLinksInsideATableCellAreEscapedAndDropped() {
        String rendered = Markdown.toHtml("| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | "
                + "[click](javascript:alert(1)) |\n| <script>alert(2)</script> | javascript://%0aalert(3) |\n");
        Document doc = Jsoup.parseBodyFragment(rendered);

        assertThat(doc.select("table")).hasSize(1);
        assertThat(doc.select("img, script")).isEmpty();
        assertThat(doc.select("td").first().text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(rendered).doesNotContain("href=\"javascript");
        assertThat(doc.select("td a").eachText()).contains("click");
    }

    @Test
    void aTaskListItemCannotSmuggleMarkup() {
        String rendered = Markdown.toHtml(
                "- [ ] <img src=x onerror=alert(1)>\n- [x] [done](javascript:alert(1))\n- [ ] ~~<b>old</b>~~\n");
        Document doc = Jsoup.parseBodyFragment(rendered);

        assertThat(doc.select("img, b")).isEmpty();
        assertThat(doc.select("li").first().text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(doc.select("del").text()).isEqualTo("<b>old</b>");
        assertThat(rendered).doesNotContain("href=\"javascript");
        assertThat(doc.select("input").eachAttr("type")).containsOnly("checkbox");
    }

    @Test
    void strikethroughCannotSmuggleMarkup() {
        Document doc = html("~~<iframe src=javascript:alert(1)>~~");

        assertThat(doc.select("iframe")).isEmpty();
        assertThat(doc.select("del").text()).isEqualTo("<iframe src=javascript:alert(1)>");
    }

    // --- reduced to plain text ---

    @Test
    void plainTextDropsEmphasisMarkers() {
        assertThat(Markdown.plainText("One row per **network service**, _daily_.", 200))
                .isEqualTo("One row per network service, daily.");
    }

    @Test
    void plainTextKeepsLinkTextAndDropsTargets() {
        assertThat(Markdown.plainText(
                        "Ask [the network team](https://wiki.example.com/network) or "
                                + "https://wiki.example.com/x, not [this](javascript:alert(1)).",
                        200))
                .isEqualTo("Ask the network team or https://wiki.example.com/x, not this.");
    }

    @Test
    void plainTextSeparatesTableCellsAndBlocksBySpaces() {
        assertThat(Markdown.plainText(
                        "Services.\n\n| Column | Meaning |\n|---|---|\n| id | Canonical |\n| name | Shown |\n\nEnd.",
                        200))
                .isEqualTo("Services. Column Meaning id Canonical name Shown End.");
    }

    @Test
    void plainTextKeepsStruckWordsAndTaskTextWithoutMarkers() {
        assertThat(Markdown.plainText("Refreshed ~~hourly~~ daily.\n\n- [x] published\n- [ ] measured", 200))
                .isEqualTo("Refreshed hourly daily. published measured");
    }

    @Test
    void plainTextDropsRawHtmlAndHeadingMarks() {
        assertThat(Markdown.plainText("# Purpose\n\nEvery <b>service</b>.\n\n<div>\nblock\n</div>\n", 200))
                .isEqualTo("Purpose Every service.");
    }

    @Test
    void plainTextCollapsesWhitespaceAndKeepsCode() {
        assertThat(Markdown.plainText("Line one\nline  two  \nthree with `service_id`\n\n```\nselect 1\n```", 200))
                .isEqualTo("Line one line two three with service_id select 1");
    }

    @Test
    void plainTextIsCutOnAWordBoundaryWithAnEllipsis() {
        String text = Markdown.plainText("One row per **network service**, with its lifecycle state.", 30);

        assertThat(text).isEqualTo("One row per network service…");
        assertThat(text.length()).isLessThanOrEqualTo(30);
        assertThat(Markdown.plainText("Short.", 30)).isEqualTo("Short.");
        assertThat(Markdown.plainText("Supercalifragilisticexpialidocious", 10)).isEqualTo("Supercali…");
    }

    @Test
    void plainTextOfNothingIsEmpty() {
        assertThat(Markdown.plainText(null, 100)).isEmpty();
        assertThat(Markdown.plainText("  \n ", 100)).isEmpty();
        assertThat(Markdown.toHtml(null)).isEmpty();
    }
}
