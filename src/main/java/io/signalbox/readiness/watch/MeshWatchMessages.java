package io.signalbox.readiness.watch;

import io.signalbox.catalog.map.UndeclaredReads;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.notification.MessageSource;
import io.signalbox.readiness.watch.UndeclaredReadReports.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says what a report of an undeclared read says ({@link MessageSource} for topic {@value UndeclaredReadReports#TOPIC}),
 * at send time: to the reading product's owner, that their dependency is invisible to the product they read; to the
 * read product's owner, who reads them without being declared and how to declare them. A read that is no longer
 * undeclared when the row is due sends nothing (the row is cancelled).
 */
@ApplicationScoped
public class MeshWatchMessages implements MessageSource {

    private static final Logger LOG = Logger.getLogger(MeshWatchMessages.class);

    @Inject
    UndeclaredReadReports reports;

    @Inject
    UndeclaredReads reads;

    @ConfigProperty(name = "signalbox.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Override
    public String topic() {
        return UndeclaredReadReports.TOPIC;
    }

    @Override
    @Transactional
    public Optional<Message> render(DeliveryRecord delivery) {
        Optional<Report> found = reports.report(delivery.groupId());
        if (found.isEmpty() || found.get().resolvedAt() != null) {
            return Optional.empty();
        }
        Report r = found.get();
        if (reads.stillUndeclared(List.of(List.of(r.readingKey(), r.readKey()))).isEmpty()) {
            return Optional.empty();
        }
        boolean toReader = delivery.recipientKey() == UndeclaredReadReports.READING_OWNER;
        String subject = "Undeclared dependency: " + r.readingKey() + " reads " + r.readKey();
        StringBuilder text = new StringBuilder();
        URI link;
        if (toReader) {
            text.append("Your product ")
                    .append(r.readingTitle())
                    .append(" (")
                    .append(r.readingKey())
                    .append(", domain ")
                    .append(r.readingDomain())
                    .append(") declares ")
                    .append(r.readTitle())
                    .append(" (")
                    .append(r.readKey())
                    .append(") of domain ")
                    .append(r.readDomain())
                    .append(" as an input, but that product does not list domain ")
                    .append(r.readingDomain())
                    .append(" among its declared consumers.\n\n")
                    .append("Its owner (")
                    .append(r.readOwner())
                    .append(") cannot warn you of breaking changes or a deprecation they do not know you depend on.")
                    .append(" Ask them to declare your domain as a consumer of ")
                    .append(r.readKey())
                    .append(".\n");
            link = URI.create(publicUrl + "/products/" + r.readKey());
        } else {
            text.append(r.readingTitle())
                    .append(" (")
                    .append(r.readingKey())
                    .append(", domain ")
                    .append(r.readingDomain())
                    .append(", owner ")
                    .append(r.readingOwner())
                    .append(") reads your product ")
                    .append(r.readTitle())
                    .append(" (")
                    .append(r.readKey())
                    .append("), but your product's descriptor does not declare domain ")
                    .append(r.readingDomain())
                    .append(" as a consumer.\n\n")
                    .append("Declare it in the consumers of your next version (team, domain ")
                    .append(r.readingDomain())
                    .append(", purpose, contact), so that your changes and deprecations reach them,")
                    .append(" or talk to them if they should not read it.\n");
            link = URI.create(publicUrl + "/products/" + r.readingKey());
        }
        text.append("\nEvery undeclared dependency of the mesh: ")
                .append(publicUrl)
                .append("/readiness/watch\n")
                .append("\nYou receive this as the owner of ")
                .append(toReader ? r.readingKey() : r.readKey())
                .append(". Each undeclared dependency is reported once.\n");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "mesh-watch.undeclared-read");
        payload.put("reading", side(r.readingKey(), r.readingTitle(), r.readingDomain(), r.readingOwner()));
        payload.put("read", side(r.readKey(), r.readTitle(), r.readDomain(), r.readOwner()));
        payload.put("reportedAt", r.reportedAt().toString());
        return Optional.of(new Message(subject, text.toString(), link, payload, null, false));
    }

    @Override
    public void deliveryDied(DeliveryRecord delivery) {
        // Nobody else to tell: the council page lists every undeclared dependency whether or not its report arrived.
        LOG.infof(
                "A report of an undeclared dependency (report %d) could not be delivered to %s",
                delivery.groupId(), delivery.target());
    }

    private static Map<String, Object> side(String key, String title, String domain, String owner) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("key", key);
        side.put("title", title);
        side.put("domain", domain);
        side.put("ownerEmail", owner);
        return side;
    }
}
