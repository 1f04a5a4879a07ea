package io.signalbox.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the Markdown that product owners write. Raw HTML in the source is escaped, never passed through, and link
 * and image targets are limited to http, https and mailto (no {@code javascript:} or {@code data:} URLs): this is the one place where a
 * template prints unescaped output, because here the output was built safely.
 */
@TemplateExtension
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .build();

    private Markdown() {}

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        // Authors write "# Heading"; on our pages their text sits under the page's own h1–h3.
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 3));
                visitChildren(heading);
            }
        });
        return RENDERER.render(document);
    }

    /** {@code {text.markdown}} in a template. */
    static RawString markdown(String text) {
        return new RawString(toHtml(text));
    }
}
