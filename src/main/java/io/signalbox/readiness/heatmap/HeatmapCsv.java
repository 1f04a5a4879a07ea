package io.signalbox.readiness.heatmap;

import io.signalbox.identity.Caller;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.heatmap.Heatmap.Cell;
import io.signalbox.readiness.heatmap.Heatmap.Row;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The heatmap as CSV ({@code GET /api/readiness.csv}) for the council and domain owners: RFC 4180 (CRLF line ends, a
 * header line, a field quoted when it holds a comma, a quote or a line break, quotes doubled), with the same filters
 * and sort as the JSON and every matching row (bounded by the number of domains). A cell that a spreadsheet would
 * read as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '} (OWASP's
 * CSV injection advice), so that opening the file runs nothing.
 */
@Path("/api/readiness.csv")
public class HeatmapCsv {

    /** RFC 4180's media type, saying the first line is the header. */
    public static final String TEXT_CSV = "text/csv; charset=utf-8; header=present";

    @Inject
    Heatmap heatmap;

    @Inject
    Caller caller;

    @GET
    @Produces("text/csv")
    public Response export(@BeanParam HeatmapFilter filter) {
        HeatmapAccess.refuseUnlessMayExport(caller);
        HeatmapFilter.Query query = filter.read();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("domain", "name", "verdict"));
        for (Criterion criterion : Criterion.values()) {
            header.add(criterion.key());
        }
        header.addAll(List.of("diverges", "submitted_at", "stale", "overdue_plan_items"));
        line(csv, header);
        for (Row row : heatmap.all(query)) {
            List<String> fields = new ArrayList<>(List.of(row.domain(), row.name(), row.verdict()));
            if (row.assessed()) {
                row.criteria().stream().map(Cell::shown).forEach(fields::add);
            } else {
                for (int i = 0; i < Criterion.values().length; i++) {
                    fields.add("");
                }
            }
            fields.add(row.assessed() ? String.valueOf(row.diverges()) : "");
            fields.add(row.assessed() ? row.submittedAt().toString() : "");
            fields.add(row.assessed() ? String.valueOf(row.stale()) : "");
            fields.add(row.assessed() ? String.valueOf(row.overduePlanItems()) : "");
            line(csv, fields);
        }
        return Response.ok(csv.toString())
                .type(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"readiness.csv\"")
                .build();
    }

    /** One CSV field: guarded against formulas, then quoted by RFC 4180 when it needs to be. */
    public static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }
}
