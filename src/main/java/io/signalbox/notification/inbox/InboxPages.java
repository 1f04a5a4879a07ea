package io.signalbox.notification.inbox;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.identity.Caller;
import io.signalbox.notification.Inbox;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person's inbox page, {@code /me/inbox}: entries newest first, unread ones marked, with "Acknowledge"
 * and "I have migrated" buttons that work without JavaScript (Post/Redirect/Get). Showing an entry on this page marks
 * it read, as opening a mail does; the API's list does not (docs/inbox.md).
 */
@Path("/me/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPages {

    @Inject
    InboxEntries entries;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(boolean hasAddress, List<InboxEntry> entries, String more, String done);
    }

    /**
     * One page of the inbox ({@value InboxEntries#DEFAULT_SIZE} entries, {@code ?after=} the cursor of the "older"
     * link); {@code done} says which step the previous form recorded.
     */
    @GET
    public TemplateInstance page(@QueryParam("after") String after, @QueryParam("done") String done) {
        PageRequest request = Paging.request(after, null, InboxEntries.DEFAULT_SIZE, InboxEntries.MAX_SIZE, 2);
        String address = caller.email().orElse(null);
        if (address == null) {
            return Templates.inbox(false, List.of(), null, null);
        }
        Page<InboxEntry> page =
                Paging.page(entries.of(address, request), request, InboxEntry::sortKey, "/me/inbox", Map.of());
        // Shown now, so read from now on; the page itself still marks them as they were when it was asked for.
        entries.markRead(address, page.items().stream().map(InboxEntry::id).toList());
        String confirmed = Inbox.ACKNOWLEDGED.equals(done) || Inbox.MIGRATED.equals(done) ? done : null;
        return Templates.inbox(true, page.items(), page.next(), confirmed);
    }

    /**
     * The buttons of an entry: {@code step} is {@code acknowledged} or {@code migrated} (docs/inbox.md); answers 303
     * back to the inbox, or the refusal's page (404 not yours, 409 information only, 422 unknown step).
     */
    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(
            @PathParam("id") String id, @FormParam("step") String step, @FormParam(FormTokens.FIELD) String token) {
        formTokens.verify(token);
        String wanted = InboxEntries.stepOrDefault(step == null || step.isBlank() ? null : step);
        long entry = InboxApi.entryId(id);
        String address = caller.email().orElseThrow(InboxEntries::notInYourInbox);
        entries.takeStep(entry, address, wanted, caller.name());
        return Response.seeOther(URI.create("/me/inbox?done=" + wanted)).build();
    }
}
