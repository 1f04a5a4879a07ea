package io.signalbox.freshness.watch;

import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.notification.MessageSource;
import io.signalbox.web.Dates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Says what a freshness alert says ({@link MessageSource} for topic {@value FreshnessWatch#TOPIC}): to the product's
 * owner, that the product is at risk of missing its deadline, has missed it, or is fresh again, with the deadline,
 * the last reported refresh and the product's link. The alert states the transition it was enqueued for, and, when
 * the product has moved on since (an at-risk alert sent after the breach), where it stands now.
 */
@ApplicationScoped
public class FreshnessMessages implements MessageSource {

    private static final Logger LOG = Logger.getLogger(FreshnessMessages.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "signalbox.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Override
    public String topic() {
        return FreshnessWatch.TOPIC;
    }

    /** One transition with its product, as an alert tells it. */
    private record Alerted(
            String kind,
            Instant at,
            Instant deadline,
            Instant lastRefreshedAt,
            String productKey,
            String domain,
            String title,
            String declared,
            String stateNow,
            Instant deadlineNow) {}

    @Override
    @Transactional
    public Optional<Message> render(DeliveryRecord delivery) {
        Optional<Alerted> found = transition(delivery.groupId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Alerted a = found.get();
        String product = a.title() + " (" + a.productKey() + ")";
        String deadline = Dates.utc(a.deadline());
        String refreshed = a.lastRefreshedAt() == null
                ? "No refresh has been reported since the current version was published."
                : "Its last reported refresh was " + Dates.utc(a.lastRefreshedAt()) + ".";
        String subject;
        StringBuilder text = new StringBuilder();
        switch (a.kind()) {
            case "at_risk" -> {
                subject = "Freshness at risk: " + product + " is due for a refresh by " + deadline;
                text.append("Your product ")
                        .append(product)
                        .append(" promises a freshness of \"")
                        .append(a.declared())
                        .append("\". Unless it is refreshed and the refresh reported, it misses that promise at ")
                        .append(deadline)
                        .append(".\n\n");
            }
            case "breached" -> {
                subject = "Freshness SLA breached: " + product + " missed its deadline " + deadline;
                text.append("Your product ")
                        .append(product)
                        .append(" promises a freshness of \"")
                        .append(a.declared())
                        .append("\", and missed that promise at ")
                        .append(deadline)
                        .append(". Its consumers are reading stale data.\n\n");
            }
            default -> {
                subject = "Freshness recovered: " + product + " is fresh again";
                text.append("Your product ")
                        .append(product)
                        .append(" keeps its freshness promise (\"")
                        .append(a.declared())
                        .append("\") again since ")
                        .append(Dates.utc(a.at()))
                        .append("; its next deadline is ")
                        .append(deadline)
                        .append(".\n\n");
            }
        }
        text.append(refreshed).append('\n');
        if (!a.kind().equals("recovered") && !a.kind().equals(a.stateNow())) {
            text.append("\nSince then it has moved on: it is now ")
                    .append(a.stateNow().replace('_', ' '))
                    .append(", with its deadline at ")
                    .append(Dates.utc(a.deadlineNow()))
                    .append(".\n");
        }
        if (!a.kind().equals("recovered")) {
            text.append("\nHave the product's pipeline refresh the data and report lastRefreshedAt to ")
                    .append(publicUrl)
                    .append("/api/products/")
                    .append(a.productKey())
                    .append("/measurements.\n");
        }
        text.append("\nEvery product's freshness: ")
                .append(publicUrl)
                .append("/sla?domain=")
                .append(a.domain())
                .append("\n\nYou receive this as the owner of ")
                .append(a.productKey())
                .append(". Each change of its freshness state is told once.\n");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "freshness." + a.kind());
        payload.put("product", a.productKey());
        payload.put("domain", a.domain());
        payload.put("at", a.at().toString());
        payload.put("deadline", a.deadline().toString());
        payload.put(
                "lastRefreshedAt",
                a.lastRefreshedAt() == null ? null : a.lastRefreshedAt().toString());
        return Optional.of(new Message(
                subject, text.toString(), URI.create(publicUrl + "/products/" + a.productKey()), payload, null, false));
    }

    @Override
    public void deliveryDied(DeliveryRecord delivery) {
        // Nobody else to tell: the SLA page shows every breach whether or not its alert arrived.
        LOG.infof(
                "A freshness alert (transition %d) could not be delivered to %s",
                delivery.groupId(), delivery.target());
    }

    private Optional<Alerted> transition(long id) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select t.kind, t.at, t.deadline, t.last_refreshed_at, s.product_key, s.domain_key, s.title,
                           s.declared, s.state, s.deadline
                    from freshness_transition t join freshness_state s on s.product_id = t.product_id
                    where t.id = ?
                    """)) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Alerted>empty();
                    }
                    return Optional.of(new Alerted(
                            row.getString(1),
                            instant(row, 2),
                            instant(row, 3),
                            instant(row, 4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8),
                            row.getString(9),
                            instant(row, 10)));
                }
            }
        });
    }

    private static Instant instant(ResultSet row, int column) throws java.sql.SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
