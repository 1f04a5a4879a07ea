package io.signalbox.deprecation.notice;

import io.signalbox.catalog.lifecycle.ProductFacts;
import io.signalbox.catalog.lifecycle.ProductLifecycle;
import io.signalbox.deprecation.notice.NoticeViews.DeliveryView;
import io.signalbox.deprecation.notice.NoticeViews.NoticeView;
import io.signalbox.deprecation.notice.NoticeViews.RecipientView;
import io.signalbox.identity.Caller;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Deprecation notices as JSON, at the stable paths of docs/deprecation.md: issue ({@code POST}), extend
 * ({@code PUT}), rescind ({@code DELETE}) and read ({@code GET}) a product's notice; its recipients and the owner's
 * delivery log, paged. Issuing, extending and rescinding are for the owners of the product's domain; the recipients
 * and the log for them and the council; reading the notice for everyone signed in.
 */
@Path("/api/products/{key}/deprecation")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeApi {

    static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    @Inject
    NoticeService notices;

    @Inject
    NoticeQueries queries;

    @Inject
    Caller caller;

    @Inject
    ProductLifecycle lifecycle;

    /** Issues a notice: 201 with the notice and its {@code Location}; 422 naming each field wrong. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("key") String key, NoticeRequest request) {
        DeprecationNotice notice = notices.issue(key, request, caller);
        return Response.created(URI.create("/api/products/" + key + "/deprecation?notice=" + notice.id))
                .entity(queries.view(notice))
                .build();
    }

    /** Extends the active notice (of {@code majorVersion} when given, else of the whole product). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public NoticeView extend(@PathParam("key") String key, NoticeRequest request) {
        return queries.view(notices.extend(key, request, caller));
    }

    /** Rescinds the active notice ({@code ?majorVersion=} for a line's); {@code ?reason=} is told to everyone. */
    @DELETE
    public NoticeView rescind(
            @PathParam("key") String key,
            @QueryParam("majorVersion") Integer major,
            @QueryParam("reason") String reason) {
        return queries.view(notices.rescind(key, major, reason, caller));
    }

    /** The product's notice (the active one, else the latest; {@code ?notice=} an earlier one); 404 when none. */
    @GET
    public NoticeView read(@PathParam("key") String key, @QueryParam("notice") String notice) {
        return queries.view(shown(key, NoticeQueries.noticeId(notice)));
    }

    /** The notice's recipients with their acknowledgements, in id order, paged (owners of the domain and council). */
    @GET
    @Path("/recipients")
    public Response recipients(
            @PathParam("key") String key,
            @QueryParam("notice") String notice,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        Optional<DeprecationNotice> shown = shownToOwner(key, NoticeQueries.noticeId(notice));
        PageRequest page = Paging.request(after, size, DEFAULT_SIZE, MAX_SIZE, 1);
        List<RecipientView> rows =
                shown.map(n -> queries.recipients(n.id, page)).orElse(List.of());
        return Paging.page(rows, page, r -> List.of(Long.toString(r.id())), uri).answer();
    }

    /**
     * The owner's delivery log: every outbox row of the notice (recipient, milestone, channel, attempts, last failure,
     * sent time, Message-ID), in row order, paged.
     */
    @GET
    @Path("/deliveries")
    public Response deliveries(
            @PathParam("key") String key,
            @QueryParam("notice") String notice,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        Optional<DeprecationNotice> shown = shownToOwner(key, NoticeQueries.noticeId(notice));
        PageRequest page = Paging.request(after, size, DEFAULT_SIZE, MAX_SIZE, 1);
        List<DeliveryView> rows = shown.map(n -> queries.deliveries(n.id, page)).orElse(List.of());
        return Paging.page(rows, page, r -> List.of(Long.toString(r.id())), uri).answer();
    }

    private DeprecationNotice shown(String key, Long noticeId) {
        return queries.shown(key, noticeId)
                .orElseThrow(() -> Refusal.notFound("Product " + key + " has no deprecation notice."));
    }

    /**
     * The notice whose recipients and deliveries are asked for, for the owners of the product's domain and the council;
     * empty (an empty list, not a 404) when the product has no notice yet, so pipelines can poll before one exists.
     */
    private Optional<DeprecationNotice> shownToOwner(String key, Long noticeId) {
        String domainKey = lifecycle
                .facts(key, null)
                .map(ProductFacts::domainKey)
                .orElseThrow(() -> Refusal.notFound("There is no data product '" + key + "'."));
        NoticeQueries.refuseUnlessSeesLog(domainKey, caller);
        return queries.shown(key, noticeId);
    }
}
