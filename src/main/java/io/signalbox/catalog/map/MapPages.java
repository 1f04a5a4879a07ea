package io.signalbox.catalog.map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.map.DomainMap.Edge;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The domain map page, {@code /domains/map}: the map as an inline SVG written by the template (no JavaScript) and its
 * table twin, the edges a page at a time. Its own root path, so that it is never taken for the domain {@code map} of
 * {@code DomainPages}' {@code /domains/{key}} (the key is reserved).
 */
@Path("/domains/map")
@Produces(MediaType.TEXT_HTML)
public class MapPages {

    /** Edges in the table, a page at a time. */
    public static final int EDGES_DEFAULT_SIZE = 100, EDGES_MAX_SIZE = 500;

    @Inject
    DomainMaps maps;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map(DomainMap map, Page<Edge> edges);
    }

    /**
     * The map and the page of its edges in the order (consumer key, provider key) after {@code after}; a bad
     * {@code size} (1 to 500, default 100) or {@code after} is a 400.
     */
    @GET
    public TemplateInstance map(
            @QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest request = Paging.request(after, size, EDGES_DEFAULT_SIZE, EDGES_MAX_SIZE, 2);
        DomainMap map = maps.current();
        // The map holds every edge already (it draws them), so the table's page is cut from it rather than read again.
        List<Edge> rows = map.edges().stream()
                .filter(e -> request.first()
                        || e.from().compareTo(request.after(0)) > 0
                        || (e.from().equals(request.after(0)) && e.to().compareTo(request.after(1)) > 0))
                .limit(request.limitWithLookahead())
                .toList();
        return Templates.map(map, Paging.page(rows, request, e -> List.of(e.from(), e.to()), uri));
    }
}
