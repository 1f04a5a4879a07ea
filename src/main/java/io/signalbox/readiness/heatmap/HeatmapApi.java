package io.signalbox.readiness.heatmap;

import io.signalbox.readiness.heatmap.Heatmap.Row;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The council's readiness heatmap as JSON ({@code GET /api/readiness}), for everyone signed in: a {@link Paging} page
 * of {@link Row}s (size 1 to 200, default 50) with {@code matching} (rows matching the filter in all) and
 * {@code neverAssessed} (registered domains without a submission); filters and sort as {@link HeatmapFilter}.
 */
@Path("/api/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class HeatmapApi {

    @Inject
    Heatmap heatmap;

    /** The heatmap's page with its counts; {@code next} and the {@code Link} header as every page. */
    public record HeatmapPage(java.util.List<Row> items, String next, long matching, long neverAssessed) {}

    @GET
    public Response heatmap(
            @BeanParam HeatmapFilter filter,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        HeatmapFilter.Query query = filter.read();
        PageRequest request = Paging.request(after, size, Heatmap.DEFAULT_SIZE, Heatmap.MAX_SIZE, Heatmap.CURSOR_PARTS);
        Heatmap.Result result = heatmap.rows(query, request);
        Page<Row> page = Paging.page(result.rows(), request, row -> Heatmap.sortKey(query, row), uri);
        Response.ResponseBuilder answer = Response.ok(
                new HeatmapPage(page.items(), page.next(), result.matching(), heatmap.neverAssessedCount()));
        if (page.next() != null) {
            answer.header("Link", "<" + page.next() + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
