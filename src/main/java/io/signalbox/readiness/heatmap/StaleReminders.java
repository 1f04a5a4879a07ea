package io.signalbox.readiness.heatmap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.signalbox.catalog.domain.DomainRoster;
import io.signalbox.identity.DomainOwnership;
import io.signalbox.notification.Channel;
import io.signalbox.notification.DeliveryRequest;
import io.signalbox.notification.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Reminds a domain's owners when its latest submitted readiness assessment has gone stale (older than
 * {@code signalbox.readiness.stale-after}, default 90 days), once per stale assessment: the reminder row (domain,
 * assessment) is claimed with {@code insert … on conflict do nothing} in the same transaction as its outbox rows, so
 * replicas or threads running at once remind each owner once; a new submission is a new assessment and starts a new
 * cycle. Runs every {@code signalbox.readiness.reminder-interval} (1 h; off in tests, which call {@link #runOnce}).
 *
 * <p>Who is reminded (docs/readiness-council.md): the domain's accountable business owner and technical contact as
 * the catalog registers them, and the people granted ownership in the portal whose username is an email address;
 * addresses are lower-cased, each once. Owners through the provider's groups are not known by address here.
 */
@ApplicationScoped
public class StaleReminders {

    /** The notification topic of readiness reminders, rendered by {@link ReminderMessages}. */
    public static final String TOPIC = "readiness";

    /** The milestone of a stale-assessment reminder. */
    public static final String STALE = "stale";

    private static final Logger LOG = Logger.getLogger(StaleReminders.class);
    private static final int BATCH = 50;
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s<>\"(),;]{1,64}@[^@\\s<>\"(),;]{1,255}\\.[^@\\s<>\"(),;]{2,63}");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Heatmap heatmap;

    @Inject
    DomainRoster roster;

    @Inject
    DomainOwnership ownership;

    @Inject
    Outbox outbox;

    @Scheduled(
            identity = "readiness-stale-reminders",
            every = "${signalbox.readiness.reminder-interval:1h}",
            delayed = "${signalbox.readiness.reminder-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("Could not remind owners of stale readiness assessments (%s); trying again at the next tick", e);
        }
    }

    /** Reminds the owners of every domain whose latest assessment went stale and was not reminded of; returns how many reminders this call claimed. */
    public int runOnce() {
        int total = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::remindBatch);
            total += batch[1];
            if (batch[0] < BATCH) {
                return total;
            }
        }
    }

    /** One batch in one transaction: {candidates seen, reminders claimed}. */
    private int[] remindBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> stale = em.createNativeQuery("select l.id, l.domain_key, l.submitted_at from ("
                        + " select distinct on (a.domain_key) a.id, a.domain_key, a.submitted_at"
                        + " from readiness_assessment a where a.state = 'submitted'"
                        + " order by a.domain_key, a.submitted_at desc, a.id desc) l"
                        + " where l.submitted_at < :before"
                        + " and not exists (select 1 from readiness_reminder r where r.assessment_id = l.id)"
                        + " order by l.domain_key limit " + BATCH)
                .setParameter("before", now.minus(heatmap.staleAfter()).atOffset(ZoneOffset.UTC))
                .getResultList();
        int claimed = 0;
        for (Object[] row : stale) {
            long assessmentId = ((Number) row[0]).longValue();
            String domainKey = (String) row[1];
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("insert into readiness_reminder"
                            + " (domain_key, assessment_id, submitted_at, created_at)"
                            + " values (:domain, :assessment, :submitted, :now)"
                            + " on conflict (domain_key, assessment_id) do nothing returning id")
                    .setParameter("domain", domainKey)
                    .setParameter("assessment", assessmentId)
                    .setParameter("submitted", row[2])
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .getResultList();
            if (ids.isEmpty()) {
                // Another run claimed it (and committed) while this one waited on the unique index.
                continue;
            }
            claimed++;
            enqueue(ids.get(0).longValue(), domainKey, now);
        }
        return new int[] {stale.size(), claimed};
    }

    private void enqueue(long reminderId, String domainKey, Instant now) {
        List<DeliveryRequest> requests = new ArrayList<>();
        for (Map.Entry<String, String> recipient : recipientsOf(domainKey).entrySet()) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("insert into readiness_reminder_recipient (reminder_id, address,"
                            + " reason) values (:reminder, :address, :reason) returning id")
                    .setParameter("reminder", reminderId)
                    .setParameter("address", recipient.getKey())
                    .setParameter("reason", recipient.getValue())
                    .getResultList();
            long recipientId = ids.get(0).longValue();
            for (Channel channel : new Channel[] {Channel.EMAIL, Channel.INBOX}) {
                requests.add(
                        new DeliveryRequest(TOPIC, reminderId, recipientId, STALE, channel, recipient.getKey(), now));
            }
        }
        outbox.enqueue(requests);
        LOG.infof("Readiness assessment of %s is stale: %d owners reminded", domainKey, requests.size() / 2);
    }

    /** Address → why it is reminded, each address once (the first reason wins). */
    Map<String, String> recipientsOf(String domainKey) {
        Map<String, String> recipients = new LinkedHashMap<>();
        Optional<DomainRoster.Contacts> contacts = roster.contactsOf(domainKey);
        contacts.flatMap(c -> address(c.businessOwner())).ifPresent(a -> recipients.putIfAbsent(a, "business-owner"));
        contacts.flatMap(c -> address(c.technicalContact()))
                .ifPresent(a -> recipients.putIfAbsent(a, "technical-contact"));
        for (DomainOwnership.Grant grant : ownership.grantsOf(domainKey)) {
            address(grant.username()).ifPresent(a -> recipients.putIfAbsent(a, "owner-grant"));
        }
        return recipients;
    }

    /** The email address in a contact as people register it ({@code jane@x.example} or {@code Jane <jane@x.example>}). */
    static Optional<String> address(String contact) {
        if (contact == null) {
            return Optional.empty();
        }
        Matcher matcher = EMAIL.matcher(contact);
        return matcher.find() ? Optional.of(matcher.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
