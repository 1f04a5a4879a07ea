package io.signalbox.notification.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.identity.Caller;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.List;
import java.util.Optional;

/**
 * The signed-in person's inbox as JSON: {@code GET /api/me/inbox} lists it, {@code POST
 * /api/me/inbox/{id}/acknowledgement} acknowledges an entry or says the person migrated (docs/inbox.md). A person is
 * found by the email address their identity provider states; a person without one has an empty inbox.
 */
@Path("/api/me/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxApi {

    @Inject
    InboxEntries entries;

    @Inject
    Caller caller;

    /** The application's one JSON configuration ({@link io.signalbox.web.StrictJson}). */
    @Inject
    ObjectMapper json;

    /**
     * The body of an acknowledgement, optional as a whole.
     *
     * @param step {@code acknowledged} (the default) or {@code migrated}
     */
    public record AcknowledgementRequest(String step) {}

    /**
     * The caller's entries, newest first (created_at desc, id desc), a page at a time ({@link Paging}: {@code ?size=}
     * 1 to 100, default 20; {@code ?after=} the cursor of {@code next}). Reading the list does not mark entries read:
     * that is what the inbox page does when it shows them.
     */
    @GET
    public Response list(@QueryParam("after") String after, @QueryParam("size") Integer size, @Context UriInfo uri) {
        PageRequest request = Paging.request(after, size, InboxEntries.DEFAULT_SIZE, InboxEntries.MAX_SIZE, 2);
        Optional<String> address = caller.email();
        List<InboxEntry> rows = address.map(a -> entries.of(a, request)).orElse(List.of());
        return Paging.page(rows, request, InboxEntry::sortKey, uri).answer();
    }

    /**
     * Acknowledges the caller's entry {@code id}, or with {@code {"step": "migrated"}} records that the caller
     * migrated (acknowledging first if they had not). 200 with the entry; taking a step again is 200 with the same
     * entry and records nothing new. 404 when the entry is not the caller's, 409 naming {@code id} for an entry that
     * asks for no acknowledgement, 422 naming {@code step} for an unknown step; the feature that sent the entry may
     * refuse the step with its own answer.
     */
    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    public InboxEntry acknowledge(@PathParam("id") String id, InputStream body) throws IOException {
        AcknowledgementRequest request = readRequest(RequestBodies.readAtMost(
                body, 4 * 1024, "the body holds at most the step, for example {\"step\": \"migrated\"}"));
        String step = InboxEntries.stepOrDefault(request.step());
        long entry = entryId(id);
        String address = caller.email().orElseThrow(() -> InboxEntries.notInYourInbox());
        return entries.takeStep(entry, address, step, caller.name());
    }

    /** A path id that is not a whole number names no entry: the same 404 as another person's entry. */
    static long entryId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw InboxEntries.notInYourInbox();
        }
    }

    /** Read strictly: a misspelt field is refused rather than silently taken as the default step. */
    private AcknowledgementRequest readRequest(byte[] body) throws IOException {
        AcknowledgementRequest request = body.length == 0 ? null : json.readValue(body, AcknowledgementRequest.class);
        return request == null ? new AcknowledgementRequest(null) : request;
    }
}
