package io.signalbox.catalog.map;

import io.signalbox.catalog.map.DomainDependencies.DependencyEdge;
import io.signalbox.catalog.map.DomainDependencies.DomainNode;
import io.signalbox.catalog.map.DomainDependencies.Mesh;
import io.signalbox.catalog.map.MapLayout.Layout;
import io.signalbox.catalog.map.MapLayout.Placed;
import io.signalbox.catalog.map.MapLayout.Point;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The domain map as the page draws it and {@code GET /api/domains/map} answers it: every domain as a box and every
 * dependency edge as a polyline, in pixels from the drawing's top left corner ({@code width} × {@code height}). The
 * SVG is written by the template {@code MapPages/map.html} from this view alone.
 *
 * @param nodes the domains by name: key, name, products (every status), the box ({@code x}, {@code y} its top left
 *     corner, {@code width}, {@code height})
 * @param edges by consumer key then provider key: {@code from} the consumer, {@code to} the provider, {@code weight}
 *     the provider's products flowing, {@code undeclared} the undeclared reads among them, {@code strokeWidth} the
 *     line's thickness in pixels (grows with the weight), {@code points} the polyline (start, bends, end; the end
 *     touches the provider's box)
 */
public record DomainMap(double width, double height, List<Node> nodes, List<Edge> edges) {

    /** Box height in pixels: two lines of text (the name, the product count). */
    static final double BOX_HEIGHT = 44;

    /** The longest name shown in a box; a longer one is cut with an ellipsis (the box's tooltip holds it whole). */
    static final int LABEL_LENGTH = 28;

    /** The thinnest and the thickest line, in pixels. */
    static final double THINNEST = 1.5, THICKEST = 8;

    /** A domain's box. */
    public record Node(String key, String name, long products, double x, double y, double width, double height) {

        /** The name as the box shows it: at most {@link #LABEL_LENGTH} characters. */
        public String label() {
            return name.length() <= LABEL_LENGTH
                    ? name
                    : name.substring(0, LABEL_LENGTH - 1).stripTrailing() + "…";
        }

        /** The horizontal centre of the box, where its text is anchored. */
        public String centreX() {
            return number(x + width / 2);
        }

        /** The baseline of the name. */
        public String nameY() {
            return number(y + 19);
        }

        /** The baseline of the product count. */
        public String countY() {
            return number(y + 35);
        }

        /** "1 product", "12 products". */
        public String productCount() {
            return products + (products == 1 ? " product" : " products");
        }
    }

    /** A dependency edge and its route. */
    public record Edge(String from, String to, long weight, long undeclared, double strokeWidth, List<Point> points) {

        /** Whether at least one read on this edge is undeclared: drawn dashed. */
        public boolean anyUndeclared() {
            return undeclared > 0;
        }

        /** The SVG path data of the polyline ({@code M x,y L x,y …}). */
        public String path() {
            return points.stream()
                    .map(p -> number(p.x()) + "," + number(p.y()))
                    .collect(Collectors.joining(" L ", "M ", ""));
        }

        /** What the edge's tooltip and the table say about it. */
        public String summary() {
            String flowing = weight + (weight == 1 ? " product flows" : " products flow");
            return from + " depends on " + to + ": " + flowing
                    + (undeclared == 0
                            ? ", every read declared"
                            : ", " + undeclared + (undeclared == 1 ? " undeclared read" : " undeclared reads"));
        }
    }

    /** Whether the map has no domain to draw. */
    public boolean empty() {
        return nodes.isEmpty();
    }

    /** The number of edges drawn dashed. */
    public long undeclaredEdges() {
        return edges.stream().filter(Edge::anyUndeclared).count();
    }

    /** The drawing's width as SVG attributes take it. */
    public String svgWidth() {
        return number(width);
    }

    /** The drawing's height as SVG attributes take it. */
    public String svgHeight() {
        return number(height);
    }

    /** The width of a domain's box: its label's length at about 7.2 pixels a character, between 120 and 260. */
    static double boxWidth(String label) {
        return Math.max(120, Math.min(260, Math.ceil(24 + 7.2 * label.length())));
    }

    /**
     * The map of a mesh laid out with {@code layout}: strokes scaled by the square root of weight over the heaviest
     * edge's, so that twice the products reads as a visibly but not overwhelmingly thicker line.
     */
    static DomainMap of(Mesh mesh, Layout layout) {
        long heaviest =
                mesh.edges().stream().mapToLong(DependencyEdge::weight).max().orElse(1);
        List<Node> nodes = mesh.domains().stream()
                .map(d -> node(d, layout.boxes().get(d.key())))
                .toList();
        List<Edge> edges = mesh.edges().stream()
                .map(e -> new Edge(
                        e.from(),
                        e.to(),
                        e.weight(),
                        e.undeclared(),
                        Math.round((THINNEST + (THICKEST - THINNEST) * Math.sqrt((double) e.weight() / heaviest)) * 100)
                                / 100.0,
                        layout.routes().get(new MapLayout.Link(e.from(), e.to()))))
                .toList();
        return new DomainMap(layout.width(), layout.height(), nodes, edges);
    }

    private static Node node(DomainNode domain, Placed placed) {
        Node unplaced = new Node(domain.key(), domain.name(), domain.products(), 0, 0, 0, 0);
        return new Node(
                domain.key(),
                domain.name(),
                domain.products(),
                placed.x(),
                placed.y(),
                boxWidth(unplaced.label()),
                BOX_HEIGHT);
    }

    /** A coordinate as SVG attributes take it: a dot for decimals whatever the server's locale, no needless ".0". */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
