package io.signalbox.notification.inbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a person's inbox as the page and {@code GET /api/me/inbox} show it.
 *
 * @param id the entry's id, for {@code POST /api/me/inbox/{id}/acknowledgement}
 * @param topic the feature that sent it (for example {@code deprecation})
 * @param subject one line
 * @param body plain text
 * @param link the absolute address of the page the entry is about; null when there is none
 * @param acknowledgeable whether the person is asked to acknowledge it (and later say they migrated)
 * @param createdAt when it arrived
 * @param readAt when it was first shown on the inbox page or acknowledged; null while unread
 * @param acknowledgedAt when the person acknowledged it; null until then
 * @param migratedAt when the person said they migrated; null until then
 */
public record InboxEntry(
        long id,
        String topic,
        String subject,
        String body,
        String link,
        boolean acknowledgeable,
        Instant createdAt,
        Instant readAt,
        Instant acknowledgedAt,
        Instant migratedAt) {

    /** Not yet shown on the inbox page nor acknowledged. */
    @JsonProperty
    public boolean unread() {
        return readAt == null;
    }

    /** Where the person stands: {@code migrated}, {@code acknowledged}, {@code open}, or {@code information}. */
    @JsonProperty
    public String state() {
        if (!acknowledgeable) {
            return "information";
        }
        return migratedAt != null ? "migrated" : acknowledgedAt != null ? "acknowledged" : "open";
    }

    /** The sort key of the inbox, newest first: (created_at, id) for the {@code after} cursor. */
    static List<String> sortKey(InboxEntry entry) {
        return List.of(entry.createdAt().toString(), Long.toString(entry.id()));
    }
}
