package io.signalbox.readiness.heatmap;

import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.notification.MessageSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says what a stale-assessment reminder says, at send time ({@link MessageSource} for topic {@code readiness}): the
 * domain, the day of its latest submission and how many days ago that was. A reminder whose domain has submitted a
 * newer assessment since is no longer wanted and sends nothing.
 */
@ApplicationScoped
public class ReminderMessages implements MessageSource {

    private static final Logger LOG = Logger.getLogger(ReminderMessages.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Heatmap heatmap;

    @ConfigProperty(name = "signalbox.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Override
    public String topic() {
        return StaleReminders.TOPIC;
    }

    @Override
    @Transactional
    public Optional<Message> render(DeliveryRecord delivery) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.domain_key, r.assessment_id, r.submitted_at"
                        + " from readiness_reminder r join readiness_reminder_recipient p on p.reminder_id = r.id"
                        + " where r.id = :reminder and p.id = :recipient")
                .setParameter("reminder", delivery.groupId())
                .setParameter("recipient", delivery.recipientKey())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String domainKey = (String) rows.get(0)[0];
        long assessmentId = ((Number) rows.get(0)[1]).longValue();
        Optional<Heatmap.Row> latest = heatmap.latestOf(domainKey);
        if (latest.isEmpty() || latest.get().assessmentId() != assessmentId) {
            // A newer submission came since: the domain is not stale any more (or its history was removed).
            return Optional.empty();
        }
        Heatmap.Row row = latest.get();
        Instant submittedAt = row.submittedAt();
        LocalDate day = submittedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        long days = Duration.between(submittedAt, clock.instant()).toDays();
        URI link = URI.create(publicUrl.replaceAll("/+$", "") + row.link());
        String subject = "Readiness assessment of " + row.name() + " (" + domainKey + ") is stale";
        String text = "The latest readiness assessment of " + row.name() + " (" + domainKey + ") was submitted on "
                + day + ", " + days + " days ago; the council asks for one at least every "
                + heatmap.staleAfter().toDays() + " days. Its verdict then: " + row.verdictLabel() + "."
                + (row.overduePlanItems() > 0 ? " " + row.overduePlanItems() + " plan items are overdue." : "")
                + "\n\nPlease review and submit a new assessment:";
        Map<String, Object> payload = Map.of(
                "domain",
                domainKey,
                "assessmentId",
                assessmentId,
                "submittedAt",
                OffsetDateTime.ofInstant(submittedAt, ZoneOffset.UTC).toString(),
                "link",
                link.toString());
        return Optional.of(new Message(subject, text, link, payload, null, false));
    }

    @Override
    public void deliveryDied(DeliveryRecord delivery) {
        // The council sees staleness on the heatmap whatever happens to the mail; the owner's log keeps the failure.
        LOG.warnf("A readiness reminder to %s could not be delivered (%s)", delivery.target(), delivery.lastError());
    }
}
