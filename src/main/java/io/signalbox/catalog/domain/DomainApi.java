package io.signalbox.catalog.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.catalog.domain.DomainService.DomainDraft;
import io.signalbox.catalog.domain.DomainService.Registration;
import io.signalbox.catalog.product.CatalogQueries;
import io.signalbox.catalog.product.CatalogViews.DomainSummary;
import io.signalbox.catalog.product.CatalogViews.DomainView;
import io.signalbox.identity.Caller;
import io.signalbox.identity.DomainOwnership;
import io.signalbox.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** Domains as JSON: list, read, and register or update one with {@code PUT /api/domains/{key}}. */
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

    /** The application's one JSON configuration ({@link io.signalbox.web.StrictJson}). */
    @Inject
    ObjectMapper json;

    public record DomainRequest(
            String name, String description, String businessOwner, String technicalContact, Integer lockVersion) {}

    @GET
    public List<DomainSummary> list() {
        return queries.domainSummaries();
    }

    @GET
    @Path("/{key}")
    public DomainView domain(@PathParam("key") String key) {
        return queries.domain(key);
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

    @GET
    @Path("/{key}/owners")
    public List<DomainOwnership.Grant> owners(@PathParam("key") String key) {
        queries.domain(key);
        return ownership.grantsOf(key);
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
