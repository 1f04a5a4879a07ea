package io.signalbox.catalog.publishing;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.ProductVersion;
import java.util.List;
import java.util.Optional;

/**
 * What a publication must pass before anything is written: the governance council's rules. The catalog asks; the
 * governance feature answers (so the catalog does not depend on how rules are kept or checked).
 */
public interface PublicationGate {

    /**
     * Judges a descriptor. {@code previous} is the version it succeeds: the newest of its major line or, for a new
     * major line, the current version; empty for a new product.
     */
    Verdict evaluate(ProductDescriptor descriptor, Optional<ProductVersion> previous);

    /** Keeps the warnings a publication went through with, in the publication's transaction. */
    void recordPublished(ProductVersion version, Verdict verdict);

    /** After a publication is written (same transaction): the product is judged again as it now stands. */
    void published(DataProduct product);

    /** How a product stands now against the rules (publication warnings and measurements); empty if never judged. */
    java.util.Optional<Standing> standingOf(DataProduct product);

    record Standing(String status, java.time.Instant evaluatedAt, List<Finding> findings) {}

    /** The warnings a version was published with. */
    List<Finding> warningsOf(ProductVersion version);

    /** One thing a rule found: where, what is wrong, and what to change. */
    record Finding(
            String rule, String category, String statement, String severity, String field, String problem, String fix) {

        public boolean blocking() {
            return "blocking".equals(severity);
        }
    }

    /** How the new schema differs from the previous version's, and whether the change can break a consumer. */
    record SchemaChange(String kind, String column, String before, String after, boolean breaking, String why) {}

    record Verdict(int ruleSetVersion, List<Finding> findings, String comparedWith, List<SchemaChange> schemaChanges) {

        public List<Finding> blocking() {
            return findings.stream().filter(Finding::blocking).toList();
        }

        public List<Finding> warnings() {
            return findings.stream().filter(f -> !f.blocking()).toList();
        }

        public boolean passes() {
            return blocking().isEmpty();
        }
    }
}
