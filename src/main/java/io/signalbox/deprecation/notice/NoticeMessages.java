package io.signalbox.deprecation.notice;

import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.notification.MessageSource;
import io.signalbox.notification.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says what each deprecation delivery says, at send time ({@link MessageSource} for topic {@code deprecation}): the
 * days left are counted on the day a reminder goes out, a rescinded notice sends nothing but its rescission, a person
 * who migrated gets no more reminders, and the owner's digest lists who has not acknowledged as it stands then.
 */
@ApplicationScoped
public class NoticeMessages implements MessageSource {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final int DIGEST_NAMES = 20;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    AcknowledgementLinks links;

    @Inject
    Recipients recipients;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "signalbox.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Override
    public String topic() {
        return Recipients.TOPIC;
    }

    @Override
    @Transactional
    public Optional<Message> render(DeliveryRecord delivery) {
        DeprecationNotice notice = DeprecationNotice.findById(delivery.groupId());
        NoticeRecipient recipient = NoticeRecipient.findById(delivery.recipientKey());
        if (notice == null || recipient == null) {
            return Optional.empty();
        }
        String milestone = delivery.milestone();
        boolean rescinded = DeprecationNotice.RESCINDED.equals(notice.state);
        if (rescinded && !Milestones.RESCINDED.equals(milestone) && !milestone.startsWith(Milestones.DEAD_PREFIX)) {
            return Optional.empty();
        }
        boolean retired = DeprecationNotice.RETIRED.equals(notice.state);
        if ((Milestones.isReminder(milestone) || milestone.startsWith(Milestones.DIGEST_PREFIX))
                && (retired || recipient.migratedAt != null)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long daysLeft = daysLeft(notice.sunsetAt, now);
        String product =
                notice.productKey + (notice.majorVersion == null ? "" : " (major line " + notice.majorVersion + ")");
        String stops = DAY.format(notice.sunset);
        String subject;
        StringBuilder text = new StringBuilder();
        boolean acknowledgeable = !NoticeRecipient.OWNER.equals(recipient.kind) && !rescinded;
        if (Milestones.ISSUED.equals(milestone)) {
            subject = "Deprecation: " + product + " stops on " + stops;
            text.append(product)
                    .append(" stops on ")
                    .append(stops)
                    .append(", in ")
                    .append(days(daysLeft))
                    .append(".\n\n");
        } else if (Milestones.isReminder(milestone)) {
            subject = "Reminder: " + product + " stops in " + days(daysLeft) + ", on " + stops;
            text.append("A reminder: ")
                    .append(product)
                    .append(" stops on ")
                    .append(stops)
                    .append(", in ")
                    .append(days(daysLeft))
                    .append(".\n\n");
        } else if (Milestones.SUNSET.equals(milestone)) {
            subject = "Retired: " + product + " stopped on " + stops;
            text.append(product)
                    .append(" was retired on ")
                    .append(stops)
                    .append(" as announced on ")
                    .append(DAY.format(notice.issuedAt.atZone(ZoneOffset.UTC)))
                    .append(".\n\n");
            acknowledgeable = false;
        } else if (milestone.startsWith(Milestones.EXTENDED_PREFIX)) {
            subject = "Extended: " + product + " now stops on " + stops;
            text.append("The deprecation of ")
                    .append(product)
                    .append(" was extended: it now stops on ")
                    .append(stops)
                    .append(", in ")
                    .append(days(daysLeft))
                    .append(".\n\n");
        } else if (Milestones.RESCINDED.equals(milestone)) {
            subject = "Withdrawn: " + product + " is no longer deprecated";
            text.append("The deprecation notice for ")
                    .append(product)
                    .append(" was withdrawn: it stays available. Nothing needs to change on your side.\n");
            if (notice.rescindReason != null) {
                text.append("\nWhy: ").append(notice.rescindReason).append('\n');
            }
            return Optional.of(message(notice, recipient, delivery, subject, text, now, false));
        } else if (milestone.startsWith(Milestones.DIGEST_PREFIX)) {
            return Optional.of(digest(notice, recipient, delivery, product, stops, daysLeft, now));
        } else if (milestone.startsWith(Milestones.DEAD_PREFIX)) {
            Map<String, Long> counts = outbox.countsByState(Recipients.TOPIC, notice.id);
            subject = "Undelivered: some notices for " + product + " could not be delivered";
            text.append(counts.getOrDefault("dead", 0L))
                    .append(" deliveries of the deprecation notice for ")
                    .append(product)
                    .append(" failed for too long and were given up.\n")
                    .append("See who did not get it, and reach them another way: ")
                    .append(noticeUrl(notice))
                    .append('\n');
            return Optional.of(message(notice, recipient, delivery, subject, text, now, false));
        } else {
            return Optional.empty();
        }
        text.append("Why: ").append(notice.reason).append("\n\n");
        if (notice.successorKey != null) {
            text.append("Use instead: ")
                    .append(notice.successorKey)
                    .append(notice.successorVersion == null ? "" : " version " + notice.successorVersion)
                    .append(" — ")
                    .append(publicUrl)
                    .append(NoticeQueries.successorPath(notice))
                    .append("\n\n");
        } else {
            text.append("There is no successor: ")
                    .append(notice.noSuccessorReason)
                    .append("\n\n");
        }
        if (!notice.migrationGuide.isBlank()) {
            text.append("Migration guide:\n").append(notice.migrationGuide).append("\n\n");
        }
        text.append("The notice: ").append(noticeUrl(notice)).append('\n');
        if (acknowledgeable) {
            text.append("\nAcknowledge that you received this notice: ")
                    .append(publicUrl)
                    .append(links.path(recipient.id, "acknowledged"))
                    .append('\n')
                    .append("Tell the owner you have migrated: ")
                    .append(publicUrl)
                    .append(links.path(recipient.id, "migrated"))
                    .append('\n');
        }
        text.append("\nYou receive this as ").append(reasonFor(recipient)).append(".\n");
        return Optional.of(message(notice, recipient, delivery, subject, text, now, acknowledgeable));
    }

    @Override
    @Transactional
    public void deliveryDied(DeliveryRecord delivery) {
        DeprecationNotice notice = DeprecationNotice.findById(delivery.groupId());
        if (notice == null || delivery.milestone().startsWith(Milestones.DEAD_PREFIX)) {
            // A report to the owner that itself died is not reported again: the owner's log shows it.
            return;
        }
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        // At most one report a day per notice, however many rows died: a long SMTP outage must not flood the owner.
        recipients.enqueueToOwner(notice, Milestones.DEAD_PREFIX + today, clock.instant());
    }

    private Message digest(
            DeprecationNotice notice,
            NoticeRecipient owner,
            DeliveryRecord delivery,
            String product,
            String stops,
            long daysLeft,
            Instant now) {
        Number total = (Number) em.createNativeQuery(
                        "select count(*) from deprecation_recipient" + " where notice_id = :n and kind <> 'owner'")
                .setParameter("n", notice.id)
                .getSingleResult();
        Number pending = (Number) em.createNativeQuery("select count(*) from deprecation_recipient"
                        + " where notice_id = :n and kind <> 'owner' and acknowledged_at is null")
                .setParameter("n", notice.id)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select display_name from deprecation_recipient"
                        + " where notice_id = :n and kind <> 'owner' and acknowledged_at is null order by id limit "
                        + DIGEST_NAMES)
                .setParameter("n", notice.id)
                .getResultList();
        String subject = "Unacknowledged: " + pending + " of " + total + " recipients, notice for " + product;
        StringBuilder text = new StringBuilder();
        text.append(product)
                .append(" stops on ")
                .append(stops)
                .append(", in ")
                .append(days(daysLeft))
                .append(". Before the next reminder (")
                .append(Milestones.daysBefore(delivery.milestone()))
                .append(" days before the sunset), ")
                .append(pending)
                .append(" of ")
                .append(total)
                .append(" recipients have not acknowledged the notice");
        text.append(names.isEmpty() ? ".\n" : ":\n");
        for (String name : names) {
            text.append("- ").append(name).append('\n');
        }
        if (pending.longValue() > names.size()) {
            text.append("- and ").append(pending.longValue() - names.size()).append(" more\n");
        }
        text.append("\nEvery recipient, delivery and acknowledgement: ")
                .append(noticeUrl(notice))
                .append('\n');
        return message(notice, owner, delivery, subject, text, now, false);
    }

    private Message message(
            DeprecationNotice notice,
            NoticeRecipient recipient,
            DeliveryRecord delivery,
            String subject,
            StringBuilder text,
            Instant now,
            boolean acknowledgeable) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "deprecation." + milestoneType(delivery.milestone()));
        payload.put("milestone", delivery.milestone());
        payload.put("product", notice.productKey);
        payload.put("domain", notice.domainKey);
        payload.put("majorVersion", notice.majorVersion);
        payload.put("state", notice.state);
        payload.put("issuedAt", notice.issuedAt.toString());
        payload.put("sunset", notice.sunset.toString());
        payload.put("sunsetAt", notice.sunsetAt.toString());
        payload.put("daysLeft", Math.max(0, daysLeft(notice.sunsetAt, now)));
        payload.put("reason", notice.reason);
        if (notice.successorKey != null) {
            Map<String, Object> successor = new LinkedHashMap<>();
            successor.put("key", notice.successorKey);
            successor.put("version", notice.successorVersion);
            successor.put("href", publicUrl + NoticeQueries.successorPath(notice));
            payload.put("successor", successor);
        } else {
            payload.put("successor", null);
            payload.put("noSuccessorReason", notice.noSuccessorReason);
        }
        payload.put("notice", noticeUrl(notice).toString());
        String secret = null;
        if (recipient.subscriptionId != null) {
            // A subscription without a webhook has no secret (null): a stream's findFirst cannot carry a null.
            List<?> secrets = em.createNativeQuery("select webhook_secret from deprecation_subscription where id = :s")
                    .setParameter("s", recipient.subscriptionId)
                    .getResultList();
            secret = secrets.isEmpty() ? null : (String) secrets.get(0);
        }
        return new Message(subject, text.toString(), noticeUrl(notice), payload, secret, acknowledgeable);
    }

    private URI noticeUrl(DeprecationNotice notice) {
        return URI.create(publicUrl + "/products/" + notice.productKey + "/deprecation");
    }

    private static String milestoneType(String milestone) {
        int colon = milestone.indexOf(':');
        if (milestone.startsWith(Milestones.DEAD_PREFIX)) {
            return "undelivered";
        }
        if (milestone.startsWith(Milestones.DIGEST_PREFIX)) {
            return "digest";
        }
        if (Milestones.isReminder(milestone)) {
            return "reminder";
        }
        return colon < 0 ? milestone : milestone.substring(0, colon);
    }

    private static String reasonFor(NoticeRecipient recipient) {
        return switch (recipient.kind) {
            case NoticeRecipient.OWNER -> "the product's owner";
            case NoticeRecipient.DECLARED_CONSUMER ->
                "a consumer the product's descriptor declares (" + recipient.displayName + ")";
            case NoticeRecipient.DOWNSTREAM_OWNER -> recipient.displayName + ", whose product reads this one";
            default -> "a subscriber to its deprecation notices (manage them on My subscriptions)";
        };
    }

    /** Whole days until the sunset, rounded up (a sunset in 3 hours is "in 1 day"); 0 once it passed. */
    static long daysLeft(Instant sunsetAt, Instant now) {
        if (!now.isBefore(sunsetAt)) {
            return 0;
        }
        Duration left = Duration.between(now, sunsetAt);
        long days = left.toDays();
        return left.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
