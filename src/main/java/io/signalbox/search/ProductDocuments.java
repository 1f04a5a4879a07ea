package io.signalbox.search;

import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import io.signalbox.catalog.reporting.ProductSnapshot;
import io.signalbox.catalog.reporting.ProductSnapshot.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** The shape of a product in the index: which fields exist, how each is analysed, which are facets. */
final class ProductDocuments {

    /** Raise when fields change: an index of another format is rebuilt on start. */
    static final String FORMAT = "4";

    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String PRODUCT_LOCK = "product_lock";
    static final String DOMAIN_LOCK = "domain_lock";
    static final String UPDATED = "updated";
    static final String NAME_SORT = "name_sort";
    static final String LIVENESS = "liveness";

    // Few searched fields, grouped by weight: each word is looked up in every one of them, so their number is the
    // main cost of a query. Only the first (stored) value of each is shown; the others are searched.
    static final String EXACT = "exact";
    /** The title (stored) and the words of the key. */
    static final String TITLE = "title";

    static final String KEY = "key";
    /** Tags (stored) and the canonical attributes the columns map to. */
    static final String TAGS = "tags";

    /** Column names, whole and split into their parts (searched only: see {@link #COLUMN_REFS}). */
    static final String COLUMNS = "columns";
    /**
     * Identifiers shown on a product page, whole and split into their parts: the external (ODPS) id, output ports'
     * names, locations (tables, topics) and contract ids, and the names of the schema objects.
     */
    static final String IDENTIFIERS = "identifiers";
    /** Each identifier and column name whole, in {@link Analysis#exactForm}, so that one typed whole ranks first. */
    static final String WHOLE_IDENTIFIER = "whole_identifier";
    /** Each column as {@code object} {@link #COLUMN_REF_SEPARATOR} {@code column}, stored for "matching columns". */
    static final String COLUMN_REFS = "column_refs";

    static final char COLUMN_REF_SEPARATOR = '\u001f';
    /** Purpose, limitations and usage (stored, for snippets), then column descriptions, people and consumers. */
    static final String DESCRIPTION = "description";

    static final String DOMAIN_WORDS = "domain_words";
    static final String PLAIN = "plain";

    static final String STATUS = "status";
    static final String CLASSIFICATION = "classification";
    static final String COMPLIANCE = "compliance";
    static final String VERSION = "version";
    static final String DOMAIN_NAME = "domain_name";
    static final String OWNER = "owner";
    static final String PURPOSE = "purpose";

    static final List<String> ENGLISH_FIELDS = List.of(TITLE, TAGS, COLUMNS, IDENTIFIERS, DESCRIPTION, DOMAIN_WORDS);

    /** Facet dimensions, as the API and the page name them. */
    enum Facet {
        DOMAIN("domain", "Domain"),
        CLASSIFICATION("classification", "Classification"),
        STATUS("status", "Status"),
        TAG("tag", "Tag"),
        TEAM("team", "Owner team"),
        ENTITY("entity", "Canonical entity"),
        PORT("port", "Output port"),
        COMPLIANCE("compliance", "Council's rules");

        final String dimension;
        final String label;

        Facet(String dimension, String label) {
            this.dimension = dimension;
            this.label = label;
        }
    }

    static final String NO_CLASSIFICATION = "unclassified";
    static final String NO_TEAM = "no team";

    static final FacetsConfig FACETS = facetsConfig();

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Facet.TAG.dimension, true);
        config.setMultiValued(Facet.ENTITY.dimension, true);
        config.setMultiValued(Facet.PORT.dimension, true);
        return config;
    }

    /** How live a product is, for ranking: deprecated ones sink below live ones of similar relevance. */
    static long liveness(String status) {
        return switch (status) {
            case "published" -> 100;
            case "draft" -> 70;
            case "deprecated" -> 40;
            default -> 20;
        };
    }

    static Document toDocument(ProductSnapshot product) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(product.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_SORT, product.id()));
        doc.add(new NumericDocValuesField(PRODUCT_LOCK, product.productLock()));
        doc.add(new NumericDocValuesField(DOMAIN_LOCK, product.domainLock()));
        doc.add(new NumericDocValuesField(UPDATED, product.updatedAt().toEpochMilli()));
        doc.add(new StoredField(UPDATED, product.updatedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(LIVENESS, liveness(product.status())));
        doc.add(new SortedDocValuesField(
                NAME_SORT, new BytesRef(product.title().toLowerCase(Locale.ROOT) + "\u0000" + product.key())));

        for (String exact : new LinkedHashSet<>(List.of(
                Analysis.exactForm(product.key()),
                Analysis.exactForm(product.slug()),
                Analysis.exactForm(product.title())))) {
            doc.add(new StringField(EXACT, exact, Field.Store.NO));
        }

        doc.add(new TextField(TITLE, product.title(), Field.Store.YES));
        doc.add(new TextField(TITLE, product.key().replace('-', ' '), Field.Store.NO));
        doc.add(new StringField(KEY, product.key(), Field.Store.YES));
        for (String tag : product.tags()) {
            doc.add(new TextField(TAGS, tag, Field.Store.YES));
        }
        // Descriptions are Markdown; search stores and shows them as the text a reader sees.
        doc.add(new TextField(
                DESCRIPTION,
                joined(
                        PlainText.of(product.purpose()),
                        PlainText.of(product.limitations()),
                        PlainText.of(product.usage())),
                Field.Store.YES));
        Set<String> canonical = new LinkedHashSet<>();
        Set<String> wholeIdentifiers = new LinkedHashSet<>();
        for (Column column : product.columns()) {
            doc.add(new TextField(COLUMNS, Analysis.identifierText(column.name()), Field.Store.NO));
            doc.add(new StoredField(
                    COLUMN_REFS, Objects.toString(column.objectName(), "") + COLUMN_REF_SEPARATOR + column.name()));
            wholeIdentifiers.add(Analysis.exactForm(column.name()));
            // A nested column (lines[].customer_email) is also known by its own name, as people type it.
            wholeIdentifiers.add(
                    Analysis.exactForm(column.name().substring(column.name().lastIndexOf('.') + 1)));
            if (column.description() != null && !column.description().isBlank()) {
                doc.add(new TextField(
                        DESCRIPTION, column.name() + ": " + PlainText.of(column.description()), Field.Store.NO));
            }
            if (column.canonicalAttribute() != null) {
                canonical.add(column.canonicalAttribute());
            }
            for (String tag : column.tags()) {
                doc.add(new TextField(TAGS, tag, Field.Store.NO));
            }
        }
        for (String attribute : canonical) {
            doc.add(new TextField(TAGS, attribute, Field.Store.NO));
        }
        Set<String> identifiers = new LinkedHashSet<>();
        identifiers.add(Objects.toString(product.externalId(), ""));
        for (OutputPort port : product.outputPorts()) {
            identifiers.add(Objects.toString(port.name(), ""));
            identifiers.add(Objects.toString(port.location(), ""));
            identifiers.add(Objects.toString(port.contractId(), ""));
        }
        product.columns().forEach(c -> identifiers.add(Objects.toString(c.objectName(), "")));
        identifiers.remove("");
        for (String identifier : identifiers) {
            doc.add(new TextField(IDENTIFIERS, Analysis.identifierText(identifier), Field.Store.NO));
            wholeIdentifiers.add(Analysis.exactForm(identifier));
        }
        wholeIdentifiers.remove("");
        for (String whole : wholeIdentifiers) {
            doc.add(new StringField(WHOLE_IDENTIFIER, whole, Field.Store.NO));
        }
        doc.add(new StoredField(PURPOSE, PlainText.of(product.purpose())));
        doc.add(new TextField(DOMAIN_WORDS, product.domainKey() + " " + product.domainName(), Field.Store.NO));
        List<String> people = new ArrayList<>(List.of(
                Objects.toString(product.ownerName(), ""),
                Objects.toString(product.ownerEmail(), ""),
                Objects.toString(product.teamName(), "")));
        for (TeamMember member : product.team()) {
            people.add(joined(member.name(), member.username(), member.role()));
        }
        doc.add(new TextField(DESCRIPTION, String.join(" \n ", people), Field.Store.NO));
        for (DeclaredConsumer consumer : product.consumers()) {
            doc.add(new TextField(
                    DESCRIPTION,
                    joined(consumer.team(), consumer.domain(), PlainText.of(consumer.purpose())),
                    Field.Store.NO));
        }
        // Words as typed, for prefixes and typos: names people remember, not prose.
        List<String> plain = new ArrayList<>(List.of(product.title(), product.key(), product.domainName()));
        plain.addAll(product.tags());
        plain.addAll(canonical);
        product.columns().forEach(c -> plain.add(Analysis.identifierText(c.name())));
        // Ports' locations and contract ids are names people type too (a table, a topic), unlike the external id.
        for (OutputPort port : product.outputPorts()) {
            plain.add(Analysis.identifierText(port.location()));
            plain.add(Analysis.identifierText(port.contractId()));
        }
        for (String value : plain) {
            doc.add(new TextField(PLAIN, value, Field.Store.NO));
        }

        doc.add(new StoredField(STATUS, product.status()));
        doc.add(new StoredField(CLASSIFICATION, Objects.toString(product.classification(), "")));
        doc.add(new StoredField(VERSION, product.version()));
        doc.add(new StoredField(COMPLIANCE, Objects.toString(product.compliance(), "")));
        doc.add(new StoredField(DOMAIN_NAME, product.domainName()));
        doc.add(new StoredField(Facet.DOMAIN.dimension + "_key", product.domainKey()));
        doc.add(new StoredField(
                OWNER, Objects.toString(product.ownerName() != null ? product.ownerName() : product.ownerEmail(), "")));

        doc.add(new SortedSetDocValuesFacetField(Facet.DOMAIN.dimension, product.domainKey()));
        doc.add(new SortedSetDocValuesFacetField(
                Facet.CLASSIFICATION.dimension,
                product.classification() == null ? NO_CLASSIFICATION : product.classification()));
        doc.add(new SortedSetDocValuesFacetField(Facet.STATUS.dimension, product.status()));
        if (product.compliance() != null) {
            doc.add(new SortedSetDocValuesFacetField(Facet.COMPLIANCE.dimension, product.compliance()));
        }
        doc.add(new SortedSetDocValuesFacetField(
                Facet.TEAM.dimension,
                product.teamName() == null || product.teamName().isBlank() ? NO_TEAM : product.teamName()));
        for (String tag : new LinkedHashSet<>(product.tags())) {
            if (!tag.isBlank()) {
                doc.add(new SortedSetDocValuesFacetField(Facet.TAG.dimension, tag));
            }
        }
        product.columns().stream()
                .map(Column::canonicalEntity)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(entity -> doc.add(new SortedSetDocValuesFacetField(Facet.ENTITY.dimension, entity)));
        product.outputPorts().stream()
                .map(OutputPort::kind)
                .filter(kind -> kind != null && !kind.isBlank())
                .distinct()
                .forEach(kind -> doc.add(new SortedSetDocValuesFacetField(Facet.PORT.dimension, kind)));
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joined(String... parts) {
        return String.join(
                " \n ", Stream.of(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    private ProductDocuments() {}
}
