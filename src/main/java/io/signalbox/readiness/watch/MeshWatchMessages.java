package io.signalbox.readiness.watch;

import io.signalbox.catalog.map.UndeclaredReads;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.notification.MessageSource;
import io.signalbox.readiness.watch.UndeclaredReadReports.Report;
import io.signalbox.readiness.watch.UndeclaredReadReports.Told;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says what a digest of undeclared reads says ({@link MessageSource} for topic {@value UndeclaredReadReports#TOPIC}),
 * at send time, to its one owner: the reads by their products that the read product does not declare (ask its owner to
 * declare their domain), and the reads of their products by other domains that they do not declare (declare them, or
 * talk to the reader). Each side lists at most {@value #LISTED} reads, by reading then read product key, and counts the
 * rest; a listed read no longer undeclared is left out, and a digest with nothing left to say sends nothing (the row is
 * cancelled), as does a V22 per-read row (milestone {@code reported}), which V27 replaced.
 */
@ApplicationScoped
public class MeshWatchMessages implements MessageSource {

    private static final Logger LOG = Logger.getLogger(MeshWatchMessages.class);

    /** How many reads each side of a digest lists; the rest are counted and linked to the watch page. */
    static final int LISTED = 50;

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
        if (!UndeclaredReadReports.DIGEST.equals(delivery.milestone())) {
            return Optional.empty();
        }
        Optional<UndeclaredReadReports.Digest> found = reports.digest(delivery.groupId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String owner = found.get().ownerEmail();
        Told asReader = reports.toldBy(delivery.groupId(), true, LISTED);
        Told asProvider = reports.toldBy(delivery.groupId(), false, LISTED);
        List<List<String>> pairs = new ArrayList<>();
        asReader.reports().forEach(r -> pairs.add(pair(r)));
        asProvider.reports().forEach(r -> pairs.add(pair(r)));
        Set<List<String>> still = reads.stillUndeclared(pairs);
        List<Report> reading =
                asReader.reports().stream().filter(r -> still.contains(pair(r))).toList();
        // Owning both products, the owner hears of the read once, as its reader.
        List<Report> read = asProvider.reports().stream()
                .filter(r -> still.contains(pair(r)) && !r.readingOwner().equals(owner))
                .toList();
        long moreReading = asReader.total() - asReader.reports().size();
        long moreRead = asProvider.total() - asProvider.reports().size();
        if (reading.isEmpty() && read.isEmpty() && moreReading == 0 && moreRead == 0) {
            return Optional.empty();
        }
        long count = reading.size() + read.size() + moreReading + moreRead;
        String subject;
        URI link;
        if (count == 1) {
            Report only = reading.isEmpty() ? read.get(0) : reading.get(0);
            subject = "Undeclared dependency: " + only.readingKey() + " reads " + only.readKey();
            link = URI.create(publicUrl + "/products/" + (reading.isEmpty() ? only.readingKey() : only.readKey()));
        } else {
            subject = "Undeclared dependencies: " + count + " reads between domains involve your products";
            link = URI.create(publicUrl + "/readiness/watch");
        }
        StringBuilder text = new StringBuilder(
                "Signalbox's watch over the mesh found reads between domains that the read product does not declare."
                        + " An owner can warn only the consumers they know of: of a breaking change, of a"
                        + " deprecation.\n");
        if (!reading.isEmpty() || moreReading > 0) {
            text.append("\nYour products read these without being declared as their consumers (")
                    .append(asReader.total())
                    .append("):\n");
            for (Report r : reading) {
                text.append("- your ")
                        .append(r.readingKey())
                        .append(" (")
                        .append(r.readingTitle())
                        .append(") reads ")
                        .append(r.readKey())
                        .append(" (")
                        .append(r.readTitle())
                        .append(") of domain ")
                        .append(r.readDomain())
                        .append(": ask its owner ")
                        .append(r.readOwner())
                        .append(" to declare domain ")
                        .append(r.readingDomain())
                        .append(" as a consumer\n");
            }
            more(text, moreReading);
        }
        if (!read.isEmpty() || moreRead > 0) {
            text.append("\nThese products of other domains read yours without being declared as consumers (")
                    .append(asProvider.total())
                    .append("):\n");
            for (Report r : read) {
                text.append("- ")
                        .append(r.readingKey())
                        .append(" (")
                        .append(r.readingTitle())
                        .append(", domain ")
                        .append(r.readingDomain())
                        .append(", owner ")
                        .append(r.readingOwner())
                        .append(") reads your ")
                        .append(r.readKey())
                        .append(" (")
                        .append(r.readTitle())
                        .append("): declare domain ")
                        .append(r.readingDomain())
                        .append(" as a consumer\n");
            }
            more(text, moreRead);
            text.append("Declare a consumer in your product's next version (team, domain, purpose, contact) so that")
                    .append(" your changes and deprecations reach them, or talk to them if they should not read it.\n");
        }
        text.append("\nEvery undeclared dependency of the mesh: ")
                .append(publicUrl)
                .append("/readiness/watch\n")
                .append("\nYou receive this as the owner of the products above. Each undeclared dependency is reported")
                .append(" once, in the first digest after it was found.\n");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "mesh-watch.undeclared-reads");
        payload.put("digest", delivery.groupId());
        payload.put("ownerEmail", owner);
        payload.put("createdAt", found.get().createdAt().toString());
        payload.put("asReader", side(asReader.total(), reading));
        payload.put("asProvider", side(asProvider.total(), read));
        return Optional.of(new Message(subject, text.toString(), link, payload, null, false));
    }

    private void more(StringBuilder text, long more) {
        if (more > 0) {
            text.append("- and ")
                    .append(more)
                    .append(" more: ")
                    .append(publicUrl)
                    .append("/readiness/watch\n");
        }
    }

    private static List<String> pair(Report r) {
        return List.of(r.readingKey(), r.readKey());
    }

    @Override
    public void deliveryDied(DeliveryRecord delivery) {
        // Nobody else to tell: the council page lists every undeclared dependency whether or not its report arrived.
        LOG.infof(
                "A digest of undeclared dependencies (digest %d) could not be delivered to %s",
                delivery.groupId(), delivery.target());
    }

    private static Map<String, Object> side(long total, List<Report> listed) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("total", total);
        side.put(
                "listed",
                listed.stream()
                        .map(r -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put(
                                    "reading",
                                    product(r.readingKey(), r.readingTitle(), r.readingDomain(), r.readingOwner()));
                            item.put("read", product(r.readKey(), r.readTitle(), r.readDomain(), r.readOwner()));
                            item.put("reportedAt", r.reportedAt().toString());
                            return item;
                        })
                        .toList());
        return side;
    }

    private static Map<String, Object> product(String key, String title, String domain, String owner) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("key", key);
        side.put("title", title);
        side.put("domain", domain);
        side.put("ownerEmail", owner);
        return side;
    }
}
