package io.signalbox.catalog.publishing;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.model.ProductVersion;
import java.util.List;
import java.util.Optional;

/**
 * What a publication must pass before anything is written: the governance council's rules. The catalog asks; the
 * governance feature answers (so the catalog does not depend on how rules are kept or checked). Evaluation only
 * reads: what a passed publication leaves behind is written by observers of {@link PublicationAccepted}.
 */
public interface PublicationGate {

    /**
     * Judges a descriptor. {@code previous} is the version it succeeds: the newest of its major line or, for a new
     * major line, the current version; empty for a new product.
     */
    Verdict evaluate(ProductDescriptor descriptor, Optional<ProductVersion> previous);

    /** One thing a rule found: where, what is wrong, and what to change. */
    record Finding(
            String rule, String category, String statement, String severity, String field, String problem, String fix) {

        public boolean blocking() {
            return "blocking".equals(severity);
        }
    }

    /** How the new schema differs from the previous version's, and whether the change can break a consumer. */
    record SchemaChange(String kind, String column, String before, String after, boolean breaking, String why) {}

    /**
     * The gate's answer: the rule-set version it judged by, every finding (blocking and warnings), the version it was
     * compared with (null for a new product) and the schema changes against that version.
     */
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
