package io.signalbox.catalog.map;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the domain map's boxes and routes its edges with Eclipse ELK's layered (Sugiyama) algorithm: consumers on
 * the left, the domains they depend on to their right, edges as polylines. ELK is deterministic (a fixed random seed),
 * so the layout of a graph is kept and reused until the graph changes: the map costs its SQL and its template, and
 * ELK runs again only after a publication or a registration changed the domains, their boxes or their edges.
 *
 * <p>Options chosen for a mesh of 500 domains and about 1 500 edges (docs/domain-map.md): network-simplex layering
 * (ELK's default), simple node placement, crossing minimisation with thoroughness 1 instead of 7 and without the
 * greedy switch, polyline routing. On the bench's mesh of that size: about 0.8 s, and a drawing a quarter as wide,
 * where Brandes-Köpf placement took 1.8 s (linear segments 9 s). Still most of a second, hence the layout is kept.
 */
@ApplicationScoped
public class MapLayout {

    static {
        // Outside Eclipse nothing registers the algorithm: the layout engine finds it through this registration.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** A box to place, in pixels; its key names it in the edges. */
    public record Box(String key, double width, double height) {}

    /** An edge to route, from the consumer's box to the provider's. */
    public record Link(String from, String to) {}

    /** A point of the drawing, in pixels from its top left corner. */
    public record Point(double x, double y) {}

    /** Where a box went: its top left corner. */
    public record Placed(double x, double y) {}

    /**
     * The layout of a graph: the drawing's size, each box's corner by key, and each edge's polyline (start, bend
     * points, end) by {@link Link}.
     */
    public record Layout(double width, double height, Map<String, Placed> boxes, Map<Link, List<Point>> routes) {}

    private record Graph(List<Box> boxes, List<Link> links) {}

    private record Kept(Graph graph, Layout layout) {}

    private final AtomicReference<Kept> kept = new AtomicReference<>();

    /**
     * The layout of these boxes and links: the one kept when the graph is the same as last time, a new one otherwise.
     * Links must name boxes of the list; a link's two ends are different boxes.
     */
    public Layout of(List<Box> boxes, List<Link> links) {
        Graph graph = new Graph(List.copyOf(boxes), List.copyOf(links));
        Kept last = kept.get();
        if (last != null && last.graph().equals(graph)) {
            return last.layout();
        }
        Layout layout = layOut(graph);
        kept.set(new Kept(graph, layout));
        return layout;
    }

    private static Layout layOut(Graph graph) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.NETWORK_SIMPLEX);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
        root.setProperty(LayeredOptions.THOROUGHNESS, 1);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 64.0);

        Map<String, ElkNode> nodes = new HashMap<>();
        for (Box box : graph.boxes()) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(box.key());
            node.setDimensions(box.width(), box.height());
            nodes.put(box.key(), node);
        }
        Map<Link, ElkEdge> edges = new HashMap<>();
        for (Link link : graph.links()) {
            edges.put(link, ElkGraphUtil.createSimpleEdge(nodes.get(link.from()), nodes.get(link.to())));
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Placed> placed = new HashMap<>();
        nodes.forEach((key, node) -> placed.put(key, new Placed(round(node.getX()), round(node.getY()))));
        Map<Link, List<Point>> routes = new HashMap<>();
        edges.forEach((link, edge) -> routes.put(link, route(edge)));
        return new Layout(round(root.getWidth()), round(root.getHeight()), Map.copyOf(placed), Map.copyOf(routes));
    }

    /** The edge's polyline; its coordinates are relative to the root, which holds every node and edge. */
    private static List<Point> route(ElkEdge edge) {
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Point(round(section.getStartX()), round(section.getStartY())));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(round(bend.getX()), round(bend.getY())));
            }
            points.add(new Point(round(section.getEndX()), round(section.getEndY())));
        }
        return List.copyOf(points);
    }

    /** A tenth of a pixel is finer than any screen shows, and keeps the SVG and the JSON short. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
