package io.signalbox.catalog.product;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.catalog.lifecycle.DeprecationNotices;
import io.signalbox.catalog.lifecycle.DeprecationNotices.Notice;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SchemaColumn;
import io.signalbox.catalog.product.CatalogViews.ColumnChange;
import io.signalbox.catalog.product.CatalogViews.DeprecationView;
import io.signalbox.catalog.product.CatalogViews.Successor;
import io.signalbox.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a product's page and its JSON twin say about the deprecation notice covering the shown version's major line,
 * asked of the {@link DeprecationNotices} port: when it stops, counted in days on the injected clock (UTC dates), what
 * to use instead, and, for a reader who is a declared consumer of the product, the schema changes that matter to them
 * in the successor.
 */
@ApplicationScoped
public class ProductDeprecations {

    /** At most this many columns are compared per version: the descriptor's limit (docs/descriptor.md). */
    static final int MAX_COLUMNS = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeprecationNotices notices;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** The notice covering the line of {@code shown} (a version of product {@code key}, columns loaded), if any. */
    public Optional<DeprecationView> of(String key, ProductVersion shown) {
        return notices.noticeFor(key, shown.major).map(notice -> view(key, shown, notice));
    }

    private DeprecationView view(String key, ProductVersion shown, Notice notice) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, notice.sunset()));
        Successor successor = notice.successorKey() == null
                ? null
                : new Successor(
                        notice.successorKey(),
                        notice.successorVersion(),
                        "/products/" + notice.successorKey()
                                + (notice.successorVersion() == null ? "" : "/versions/" + notice.successorVersion()));
        List<ColumnChange> changes =
                successor != null && readsAsConsumer(key, shown) ? changesFor(shown, successor) : null;
        return new DeprecationView(
                notice.majorVersion(),
                notice.state(),
                notice.sunset(),
                notice.sunsetAt(),
                notice.issuedAt(),
                notice.reason(),
                successor,
                notice.noSuccessorReason(),
                notice.migrationGuide() == null ? "" : notice.migrationGuide(),
                daysLeft,
                "/products/" + key + "/deprecation",
                changes);
    }

    /**
     * Whether the signed-in reader depends on the product: their email is the contact of a consumer the shown version
     * declares (compared case-insensitively), or they own a product whose current version declares this one as an
     * input port (one indexed containment query on {@code input_ports}).
     */
    private boolean readsAsConsumer(String key, ProductVersion shown) {
        Optional<String> email = caller.email();
        if (email.isEmpty()) {
            return false;
        }
        String me = email.get();
        if (shown.consumers.stream()
                .anyMatch(c -> c.contact() != null
                        && c.contact().strip().toLowerCase(Locale.ROOT).equals(me))) {
            return true;
        }
        return !em.createNativeQuery("select 1 from data_product p"
                        + " join product_version v on v.id = p.current_version_id"
                        + " where v.input_ports @> cast(:needle as jsonb) and lower(v.owner_email) = :email limit 1")
                .setParameter("needle", inputPortNeedle(key))
                .setParameter("email", me)
                .getResultList()
                .isEmpty();
    }

    private static String inputPortNeedle(String key) {
        try {
            return JSON.writeValueAsString(List.of(Map.of("sourceProduct", key)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The successor's columns (its named version, else its current one) compared with the shown version's. */
    private List<ColumnChange> changesFor(ProductVersion shown, Successor successor) {
        List<Object[]> rows = (successor.version() == null
                        ? em.createQuery(
                                        "select c.objectName, c.name, c.logicalType, c.physicalType, c.classification"
                                                + " from DataProduct p join p.currentVersion v join v.columns c"
                                                + " where p.key = :key order by c.position",
                                        Object[].class)
                                .setParameter("key", successor.key())
                        : em.createQuery(
                                        "select c.objectName, c.name, c.logicalType, c.physicalType, c.classification"
                                                + " from ProductVersion v join v.columns c"
                                                + " where v.product.key = :key and v.version = :version"
                                                + " order by c.position",
                                        Object[].class)
                                .setParameter("key", successor.key())
                                .setParameter("version", successor.version()))
                .setMaxResults(MAX_COLUMNS)
                .getResultList();
        List<Column> after = rows.stream()
                .map(r -> new Column((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Classification) r[4]))
                .toList();
        List<Column> before = shown.columns.stream()
                .limit(MAX_COLUMNS)
                .map(ProductDeprecations::column)
                .toList();
        return compare(before, after);
    }

    private static Column column(SchemaColumn c) {
        return new Column(c.objectName, c.name, c.logicalType, c.physicalType, c.classification);
    }

    /** A column as a consumer reads it: where it is, its type, its classification. */
    record Column(String object, String name, String logicalType, String physicalType, Classification classification) {

        String type() {
            String logical = logicalType == null ? "untyped" : logicalType;
            return physicalType == null ? logical : logical + " (" + physicalType + ")";
        }

        String classificationLabel() {
            return classification == null ? "unclassified" : classification.label();
        }
    }

    /**
     * The consumer-side difference from {@code before} to {@code after}, matched by (object, column name): columns
     * removed, then retyped (logical or physical type), then reclassified, then added, each in the order of the
     * schema. A renamed column reads as removed and added, which is what it is to a consumer's query.
     */
    static List<ColumnChange> compare(List<Column> before, List<Column> after) {
        Map<List<String>, Column> next = new LinkedHashMap<>();
        after.forEach(c -> next.putIfAbsent(List.of(c.object(), c.name()), c));
        Map<List<String>, Column> previous = new LinkedHashMap<>();
        before.forEach(c -> previous.putIfAbsent(List.of(c.object(), c.name()), c));
        List<ColumnChange> removed = new ArrayList<>();
        List<ColumnChange> retyped = new ArrayList<>();
        List<ColumnChange> reclassified = new ArrayList<>();
        for (Column old : previous.values()) {
            Column now = next.get(List.of(old.object(), old.name()));
            if (now == null) {
                removed.add(new ColumnChange(old.object(), old.name(), "removed", old.type(), null));
                continue;
            }
            if (!old.type().equals(now.type())) {
                retyped.add(new ColumnChange(old.object(), old.name(), "type changed", old.type(), now.type()));
            }
            if (old.classification() != now.classification()) {
                reclassified.add(new ColumnChange(
                        old.object(),
                        old.name(),
                        "classification changed",
                        old.classificationLabel(),
                        now.classificationLabel()));
            }
        }
        List<ColumnChange> changes = new ArrayList<>(removed);
        changes.addAll(retyped);
        changes.addAll(reclassified);
        for (Column now : next.values()) {
            if (!previous.containsKey(List.of(now.object(), now.name()))) {
                changes.add(new ColumnChange(now.object(), now.name(), "added", null, now.type()));
            }
        }
        return changes;
    }
}
