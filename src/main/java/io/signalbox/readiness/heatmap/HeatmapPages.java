package io.signalbox.readiness.heatmap;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.identity.Caller;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.heatmap.Heatmap.Row;
import io.signalbox.readiness.heatmap.HeatmapFilter.Query;
import io.signalbox.readiness.heatmap.HeatmapFilter.Sort;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The council's readiness heatmap page ({@code GET /readiness}), open to everyone signed in: domains × the six
 * criteria of their latest submitted assessment, with verdict, divergence, staleness and overdue plan items; the
 * filter form and sort links read the same parameters as {@code /api/readiness}, without JavaScript.
 */
@Path("/readiness")
@Produces(MediaType.TEXT_HTML)
public class HeatmapPages {

    @Inject
    Heatmap heatmap;

    @Inject
    Caller caller;

    /** A filter of the form (a criterion, or a yes/no flag): its parameter, title and the value chosen (empty: any). */
    public record CriterionFilter(String key, String title, String chosen) {}

    /** A sort link: its label, the address with this sort and the other parameters kept, and whether it is current. */
    public record SortLink(String label, String href, boolean current) {}

    /** Everything the page shows. */
    public record View(
            Page<Row> rows,
            long matching,
            long neverAssessed,
            Map<String, String> filters,
            List<CriterionFilter> flags,
            List<CriterionFilter> criteria,
            List<String> titles,
            List<SortLink> sorts,
            String csvLink,
            boolean mayExport,
            long staleAfterDays,
            boolean neverAssessedList) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance heatmap(View view);
    }

    @GET
    public TemplateInstance heatmap(
            @BeanParam HeatmapFilter filter,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        Query query = filter.read();
        PageRequest request = Paging.request(after, size, Heatmap.DEFAULT_SIZE, Heatmap.MAX_SIZE, Heatmap.CURSOR_PARTS);
        Heatmap.Result result = heatmap.rows(query, request);
        Page<Row> page = Paging.page(result.rows(), request, row -> Heatmap.sortKey(query, row), uri);
        Map<String, String> filters = query.parameters();
        List<CriterionFilter> criteria = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            criteria.add(
                    new CriterionFilter(criterion.key(), criterion.title(), filters.getOrDefault(criterion.key(), "")));
        }
        List<CriterionFilter> flags = List.of(
                new CriterionFilter("stale", "Stale", filters.getOrDefault("stale", "")),
                new CriterionFilter("diverges", "Diverges", filters.getOrDefault("diverges", "")),
                new CriterionFilter("overdue", "Overdue plan items", filters.getOrDefault("overdue", "")));
        List<SortLink> sorts = new ArrayList<>();
        for (Sort sort : Sort.values()) {
            Map<String, String> with = new LinkedHashMap<>(filters);
            boolean current = query.sort() == sort;
            // The current sort's link reverses it; the others start in their natural direction.
            String value = (current && !query.reversed() ? "-" : "") + sort.key();
            with.put("sort", value);
            sorts.add(new SortLink(sort.key(), "/readiness" + queryString(with), current));
        }
        return Templates.heatmap(new View(
                page,
                result.matching(),
                heatmap.neverAssessedCount(),
                filters,
                flags,
                criteria,
                List.of(Criterion.values()).stream().map(Criterion::title).toList(),
                sorts,
                "/api/readiness.csv" + queryString(filters),
                HeatmapAccess.mayExport(caller),
                heatmap.staleAfter().toDays(),
                query.neverAssessed()));
    }

    private static String queryString(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return "?"
                + parameters.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
