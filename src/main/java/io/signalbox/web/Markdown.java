package io.signalbox.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the GitHub-flavoured Markdown that product owners write (tables, strikethrough, autolinks, task lists), and
 * reduces it to plain text for lists and cards. Raw HTML in the source is escaped, never passed through, and link and
 * image targets are limited to http, https and mailto (no {@code javascript:} or {@code data:} URLs), autolinks and
 * links in table cells included, because the extensions produce ordinary link nodes that the same sanitiser sees:
 * this is the one place where a template prints unescaped output, because here the output was built safely.
 */
@TemplateExtension
public final class Markdown {

    private static final List<Extension> GFM = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(GFM).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(GFM)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .build();

    private static final String ELLIPSIS = "…";

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

    /**
     * The words a reader sees, for a list entry or a card: the text of the parsed document with whitespace collapsed,
     * link text kept and link targets dropped, raw HTML dropped, table cells separated by spaces; cut on a word
     * boundary with "…" when longer than {@code maxChars}. In a template: {@code {product.purpose.plainText(160)}}.
     */
    public static String plainText(String markdown, int maxChars) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock block) {
                text.append(' ').append(block.getLiteral()).append(' ');
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                text.append(' ').append(block.getLiteral()).append(' ');
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                // Blocks and table cells are words apart; raw HTML (HtmlInline, HtmlBlock) has no visit here and so
                // leaves no trace, nor do link targets, which are attributes rather than child text.
                boolean apart = parent instanceof Block || parent instanceof TableCell;
                if (apart) {
                    text.append(' ');
                }
                super.visitChildren(parent);
                if (apart) {
                    text.append(' ');
                }
            }
        });
        return truncate(text.toString().replaceAll("\\s+", " ").strip(), maxChars);
    }

    private static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        String cut = text.substring(0, Math.max(0, maxChars - ELLIPSIS.length()));
        int space = cut.lastIndexOf(' ');
        if (space > 0) {
            cut = cut.substring(0, space);
        }
        // No dangling comma or full stop before the ellipsis: "lifecycle,…" reads as a typo.
        return cut.replaceAll("[\\s,;:.\\-–—]+$", "") + ELLIPSIS;
    }

    /** {@code {text.markdown}} in a template. */
    static RawString markdown(String text) {
        return new RawString(toHtml(text));
    }
}
