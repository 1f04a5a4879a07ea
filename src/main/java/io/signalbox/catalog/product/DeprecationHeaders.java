package io.signalbox.catalog.product;

import io.signalbox.catalog.product.CatalogViews.DeprecationView;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The HTTP headers by which an API answer about a product under a deprecation notice says so to machines:
 * {@code Deprecation: @<epoch seconds>} (RFC 9745 §2: a structured-field Date, RFC 9651 §3.3.7, the moment the
 * notice was issued), {@code Sunset: <IMF-fixdate>} (RFC 8594 §3, the HTTP-date of RFC 9110 §5.6.7, when it stops),
 * and {@code Link} with {@code rel="deprecation"} to the notice's page (RFC 9745 §3) and, when there is one, with
 * {@code rel="successor-version"} (RFC 5829) to the successor.
 */
final class DeprecationHeaders {

    /** IMF-fixdate: two-digit day, English names, GMT (RFC 9110 §5.6.7); RFC_1123_DATE_TIME would print "1 Mar". */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private DeprecationHeaders() {}

    /** Adds the headers for {@code deprecation} (nothing when null) to an answer about product {@code key}. */
    static Response.ResponseBuilder add(Response.ResponseBuilder answer, String key, DeprecationView deprecation) {
        if (deprecation == null) {
            return answer;
        }
        answer.header("Deprecation", "@" + deprecation.issuedAt().getEpochSecond())
                .header("Sunset", IMF_FIXDATE.format(deprecation.sunsetAt()))
                .header("Link", "<" + deprecation.href() + ">; rel=\"deprecation\"; type=\"text/html\"");
        if (deprecation.successor() != null) {
            String successor = "/api/products/" + deprecation.successor().key()
                    + (deprecation.successor().version() == null
                            ? ""
                            : "/versions/" + deprecation.successor().version());
            answer.header("Link", "<" + successor + ">; rel=\"successor-version\"");
        }
        return answer;
    }
}
