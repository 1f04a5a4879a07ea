package io.signalbox.search;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Markdown reduced to the text a reader sees, for what search stores and shows (snippets, the description searched):
 * {@code One row per **network service**} becomes {@code One row per network service}. Raw HTML is kept as the text
 * it was written as, as product pages show it, never as markup.
 */
final class PlainText {

    private static final Parser MARKDOWN = Parser.builder().build();

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Collector text = new Collector();
        MARKDOWN.parse(markdown).accept(text);
        return text.out.toString().strip();
    }

    private static final class Collector extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();

        private void endBlock() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void block(Node node) {
            endBlock();
            visitChildren(node);
            endBlock();
        }

        private void literal(String text) {
            endBlock();
            out.append(text.strip());
            endBlock();
        }

        @Override
        public void visit(Paragraph paragraph) {
            block(paragraph);
        }

        @Override
        public void visit(Heading heading) {
            block(heading);
        }

        @Override
        public void visit(ListItem item) {
            block(item);
        }

        @Override
        public void visit(BlockQuote quote) {
            block(quote);
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(html.getLiteral());
        }

        @Override
        public void visit(HtmlBlock html) {
            literal(html.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock code) {
            literal(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            literal(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append('\n');
        }
    }

    private PlainText() {}
}
