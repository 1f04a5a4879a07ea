package io.signalbox.catalog.map;

import io.signalbox.identity.Caller;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The domain map as JSON: {@code GET /api/domains/map}. Its own root path, so that it is never taken for the domain
 * {@code map} of {@code DomainApi}'s {@code /api/domains/{key}} (the key is reserved).
 */
@Path("/api/domains/map")
@Produces(MediaType.APPLICATION_JSON)
public class MapApi {

    @Inject
    DomainMaps maps;

    @Inject
    Caller caller;

    /**
     * Every domain with its box and every dependency edge with its route ({@link DomainMap}). Not paged: the map is
     * one drawing, bounded by the number of domains (hundreds), never by the number of products.
     */
    @GET
    public DomainMap map() {
        return maps.current();
    }

    /**
     * Registering a domain under the key {@code map} arrives here rather than at {@code DomainApi}, since this route
     * owns the path: refused as there (403 unless an admin), then as {@code DomainService} refuses the key, 422 naming
     * {@code key}.
     */
    @PUT
    public void register() {
        caller.refuseUnlessAdmin("register or change domains");
        throw Refusal.invalid(
                "The domain is not valid",
                List.of(ReservedDomainKeys.problemWith("map").orElseThrow()));
    }
}
