package io.signalbox.catalog.domain;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.catalog.domain.DomainService.DomainDraft;
import io.signalbox.catalog.domain.DomainService.Registration;
import io.signalbox.catalog.product.CatalogQueries;
import io.signalbox.catalog.product.CatalogViews.DomainView;
import io.signalbox.catalog.product.ProductApi;
import io.signalbox.identity.Caller;
import io.signalbox.identity.DomainOwnership;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Domains as JSON: list (paged), read (a summary), their products (paged), and register or update one with {@code PUT /api/domains/{key}}. */
@Path("/api/domains")
@Produces(MediaType.APPLICATION_JSON)
public class DomainApi {

    @Inject
    DomainService domains;

    @Inject
    CatalogQueries queries;

    @Inject
    Caller caller;

    @Inject
    DomainOwnership ownership;

    @Inject
    DomainReadiness readiness;

    /** The application's one JSON configuration ({@link io.signalbox.web.StrictJson}). */
    @Inject
    ObjectMapper json;

    public record DomainRequest(
            String name, String description, String businessOwner, String technicalContact, Integer lockVersion) {}

    /** Page sizes of the domain list: domains are few by nature, but the list is paged like every other. */
    public static final int DOMAINS_DEFAULT_SIZE = 100, DOMAINS_MAX_SIZE = 200;

    /**
     * The domains with their product counts (computed in SQL), a page at a time in the order (name, key)
     * ({@link Paging}: {@code ?size=} 1 to 200, default 100; {@code ?after=} the cursor of {@code next}).
     */
    @GET
    public Response list(@QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest request = Paging.request(after, size, DOMAINS_DEFAULT_SIZE, DOMAINS_MAX_SIZE, 2);
        return Paging.page(queries.domainSummaries(request), request, d -> List.of(d.name(), d.key()), uri)
                .answer();
    }

    /**
     * A domain as {@code GET /api/domains/{key}} answers it: the fields of {@link DomainView} and {@code readiness},
     * its latest readiness verdict and onboarding decision (null when it has neither).
     */
    public record DomainAnswer(@JsonUnwrapped DomainView domain, DomainReadiness.Standing readiness) {}

    /** A domain and a bounded summary of its products ({@link DomainView}); its products are {@link #products}. */
    @GET
    @Path("/{key}")
    public DomainAnswer domain(@PathParam("key") String key) {
        DomainView view = queries.domain(key);
        return new DomainAnswer(view, readiness.of(key).orElse(null));
    }

    /**
     * The domain's products, a page at a time in the order of their key, with the contract of
     * {@code GET /api/products?domain=key} ({@code ?size=} 1 to 200, default 50); 404 for an unknown domain.
     */
    @GET
    @Path("/{key}/products")
    public Response products(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest request =
                Paging.request(after, size, ProductApi.PRODUCTS_DEFAULT_SIZE, ProductApi.PRODUCTS_MAX_SIZE, 1);
        domains.existing(key);
        return Paging.page(queries.products(Optional.of(key), request), request, p -> List.of(p.key()), uri)
                .answer();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("key") String key, InputStream body) throws IOException {
        caller.refuseUnlessAdmin("register or change domains");
        DomainRequest request = readRequest(
                RequestBodies.readAtMost(body, 256 * 1024, "a domain needs only its name, description and contacts"));
        Registration registration = domains.register(
                key,
                new DomainDraft(
                        request.name(),
                        request.description(),
                        request.businessOwner(),
                        request.technicalContact(),
                        request.lockVersion()),
                caller.name());
        DomainView view = queries.domain(key);
        return registration.created()
                ? Response.created(URI.create("/api/domains/" + key))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    /**
     * The people Signalbox granted ownership of the domain, by username, a page at a time ({@link Paging}:
     * {@code ?size=} 1 to 200, default 50; {@code ?after=} the cursor of {@code next}). Owners through the provider's
     * groups are not listed: the provider keeps them.
     */
    @GET
    @Path("/{key}/owners")
    public Response owners(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        domains.existing(key);
        PageRequest request =
                Paging.request(after, size, DomainOwnership.DEFAULT_PAGE_SIZE, DomainOwnership.MAX_PAGE_SIZE, 1);
        return Paging.page(ownership.grantsOf(key, request), request, DomainOwnership::sortKey, uri)
                .answer();
    }

    /** Grants ownership of a domain to a person, beside the ownership their provider's groups give them. */
    @PUT
    @Path("/{key}/owners/{username}")
    public Response grant(@PathParam("key") String key, @PathParam("username") String username) {
        caller.refuseUnlessAdmin("grant domain ownership");
        boolean created = ownership.grant(key, username, caller.name());
        return Response.status(created ? 201 : 200)
                .entity(ownership.grantsOf(key))
                .build();
    }

    @DELETE
    @Path("/{key}/owners/{username}")
    public List<DomainOwnership.Grant> revoke(@PathParam("key") String key, @PathParam("username") String username) {
        caller.refuseUnlessAdmin("revoke domain ownership");
        ownership.revoke(key, username, caller.name());
        return ownership.grantsOf(key);
    }

    /** Read strictly: a misspelt field is refused rather than silently ignored. */
    private DomainRequest readRequest(byte[] body) throws IOException {
        DomainRequest request = body.length == 0 ? null : json.readValue(body, DomainRequest.class);
        // Nothing, or a JSON null: every field is missing, and the service names each one (as for other drafts).
        return request == null ? new DomainRequest(null, null, null, null, null) : request;
    }
}
