package io.signalbox.catalog.publishing;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A publication (or its dry run) refused by the council's rules, with the whole verdict: each blocking finding is a
 * field problem, and the problem document carries the violations, warnings, schema changes and rule-set version as
 * extension members (RFC 9457 §3.2), so a person and a pipeline read the same reasons.
 */
public final class PublicationRefused extends Refusal.Invalid {

    private final String productKey;
    private final String version;
    private final PublicationGate.Verdict verdict;

    public PublicationRefused(ProductDescriptor descriptor, PublicationGate.Verdict verdict) {
        super(
                "The publication breaks the council's rules",
                descriptor.productKey() + " " + descriptor.version() + " breaks "
                        + verdict.blocking().size()
                        + (verdict.blocking().size() == 1 ? " rule" : " rules")
                        + "; nothing was published. See violations.",
                verdict.blocking().stream()
                        .map(f -> new FieldProblem(f.field(), f.problem() + " (" + f.rule() + "): " + f.fix()))
                        .toList());
        this.productKey = descriptor.productKey();
        this.version = descriptor.version().toString();
        this.verdict = verdict;
    }

    /** The key of the product the refused descriptor describes, such as {@code network.service-inventory}. */
    public String productKey() {
        return productKey;
    }

    /** The refused version number. */
    public String version() {
        return version;
    }

    /** What the gate found, blocking findings and warnings alike. */
    public PublicationGate.Verdict verdict() {
        return verdict;
    }

    @Override
    public String problemType() {
        return "governance-rules";
    }

    @Override
    public Map<String, Object> problemMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("ruleSetVersion", verdict.ruleSetVersion());
        members.put("violations", verdict.blocking());
        members.put("warnings", verdict.warnings());
        members.put("schemaChanges", verdict.schemaChanges());
        return members;
    }

    /** How many things the owner has to change, in words. */
    public static String count(List<PublicationGate.Finding> blocking) {
        return blocking.size() == 1 ? "1 thing to change" : blocking.size() + " things to change";
    }
}
