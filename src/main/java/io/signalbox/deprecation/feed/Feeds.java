package io.signalbox.deprecation.feed;

import io.signalbox.catalog.lifecycle.ProductFacts;
import io.signalbox.catalog.lifecycle.ProductLifecycle;
import io.signalbox.web.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Atom feeds of deprecation notices (docs/feeds.md): every notice ({@code /feeds/deprecations.atom}), a domain's
 * ({@code /feeds/domains/{key}.atom}) and a product's ({@code /feeds/products/{key}.atom}); one entry per step of a
 * notice (issued, extended, rescinded, retired), the newest {@value AtomFeed#MAX_ENTRIES}. Readers poll, so each
 * answer carries an {@code ETag} and {@code Last-Modified} and a repeated request with them is answered 304. Like
 * every page, a feed needs a signed-in session or a bearer token.
 */
@Path("/feeds")
public class Feeds {

    /** What {@code @Produces} negotiates; the answer itself names its charset ({@link AtomFeed#MEDIA_TYPE}). */
    static final String ATOM = "application/atom+xml";

    @Inject
    FeedQueries queries;

    @Inject
    ProductLifecycle lifecycle;

    @ConfigProperty(name = "signalbox.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    private AtomFeed atom;

    @PostConstruct
    void init() {
        atom = new AtomFeed(publicUrl);
    }

    /** Every notice of the catalog. */
    @GET
    @Path("deprecations.atom")
    @Produces(ATOM)
    public Response all(
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return answer(FeedScope.all(), ifNoneMatch, ifModifiedSince);
    }

    /** A domain's notices; 404 when no domain has this key. */
    @GET
    @Path("domains/{key}.atom")
    @Produces(ATOM)
    public Response domain(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        if (!lifecycle.domainExists(key)) {
            throw Refusal.notFound("There is no domain '" + key + "', so it has no feed.");
        }
        return answer(FeedScope.domain(key), ifNoneMatch, ifModifiedSince);
    }

    /** A product's notices (all its major lines); 404 when no product has this key. */
    @GET
    @Path("products/{key}.atom")
    @Produces(ATOM)
    public Response product(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        ProductFacts facts = lifecycle
                .facts(key, null)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + key + "', so it has no feed."));
        return answer(FeedScope.product(facts.key(), facts.title()), ifNoneMatch, ifModifiedSince);
    }

    private Response answer(FeedScope scope, String ifNoneMatch, String ifModifiedSince) {
        List<FeedEntry> entries = queries.newest(scope, AtomFeed.MAX_ENTRIES);
        FeedValidators validators = FeedValidators.of(entries);
        Response.ResponseBuilder answer = validators.notModified(ifNoneMatch, ifModifiedSince)
                ? Response.notModified()
                : Response.ok(atom.write(scope, entries), AtomFeed.MEDIA_TYPE);
        // private: a feed is read by a signed-in person; no-cache: kept by their reader, but asked about each time.
        return answer.header(HttpHeaders.ETAG, validators.etag())
                .header(HttpHeaders.LAST_MODIFIED, validators.lastModifiedHeader())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .build();
    }
}
