package io.signalbox.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the Markdown that product owners write. Raw HTML in the source is escaped, never passed through, and link
 * and image targets are sanitised (no {@code javascript:} or {@code data:} URLs): this is the one place where a
 * template prints unescaped output, because here the output was built safely.
 */
@TemplateExtension
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** {@code {text.markdown}} in a template. */
    static RawString markdown(String text) {
        return new RawString(toHtml(text));
    }
}
