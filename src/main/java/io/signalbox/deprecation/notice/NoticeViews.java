package io.signalbox.deprecation.notice;

import io.signalbox.notification.DeliveryRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the notice pages and their JSON twins show; built by {@link NoticeQueries}. */
public final class NoticeViews {

    private NoticeViews() {}

    /**
     * A notice with its progress.
     *
     * @param daysLeft whole days until the sunset, rounded up; 0 once it passed
     * @param recipientCount people and teams it reaches (the owner not counted)
     * @param deliveries outbox rows by state ({@code pending}, {@code sent}, {@code dead}, {@code cancelled})
     */
    public record NoticeView(
            long id,
            String productKey,
            String domainKey,
            Integer majorVersion,
            String state,
            String reason,
            LocalDate sunset,
            Instant sunsetAt,
            Instant issuedAt,
            String issuedBy,
            Successor successor,
            String noSuccessorReason,
            String migrationGuide,
            Instant extendedAt,
            Instant rescindedAt,
            String rescindReason,
            Instant retiredAt,
            long daysLeft,
            int recipientCount,
            long acknowledgedCount,
            long migratedCount,
            Map<String, Long> deliveries,
            int lockVersion) {

        public String scope() {
            return majorVersion == null ? "the whole product" : "major line " + majorVersion;
        }

        public boolean active() {
            return DeprecationNotice.ACTIVE.equals(state);
        }

        public String sunsetWords() {
            return NoticeMessages.DAY.format(sunset);
        }
    }

    /** The product (and version) to use instead; {@code href} its page. */
    public record Successor(String key, String version, String href) {}

    /**
     * A recipient as the owner sees them.
     *
     * @param address null for a declared consumer whose contact is not an email address (cannot be reached)
     */
    public record RecipientView(
            long id,
            String displayName,
            String address,
            String kind,
            Instant joinedAt,
            Instant acknowledgedAt,
            String acknowledgedVia,
            Instant migratedAt) {}

    /** One delivery row of the owner's log, with the recipient it was for. */
    public record DeliveryView(
            long id,
            String recipient,
            String milestone,
            String channel,
            String target,
            Instant dueAt,
            String state,
            int attempts,
            Instant lastAttemptAt,
            String lastError,
            Instant sentAt,
            String messageId) {

        static DeliveryView of(DeliveryRecord r, String recipient) {
            return new DeliveryView(
                    r.id(),
                    recipient,
                    r.milestone(),
                    r.channel().label(),
                    r.target(),
                    r.dueAt(),
                    r.state(),
                    r.attempts(),
                    r.lastAttemptAt(),
                    r.lastError(),
                    r.sentAt(),
                    r.messageId());
        }
    }

    /** One step of a notice's history. */
    public record EventView(
            long id,
            long noticeId,
            String productKey,
            String domainKey,
            String kind,
            Instant at,
            String actor,
            String summary) {}

    /** The notice page: the notice (null when none), the caller's rights, and the first recipients. */
    public record NoticePage(
            String productKey,
            NoticeView notice,
            boolean owner,
            boolean seesLog,
            List<RecipientView> recipients,
            String recipientsNext,
            List<EventView> history) {}
}
