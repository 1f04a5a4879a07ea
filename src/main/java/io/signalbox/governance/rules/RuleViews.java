package io.signalbox.governance.rules;

import io.signalbox.governance.rules.RuleViews.RuleView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the rules page and API show: each rule with its parameters, and the rule-set versions. */
public final class RuleViews {

    private RuleViews() {}

    public record RuleView(
            String id,
            String category,
            String statement,
            String severity,
            Map<String, Object> parameters,
            String enforcedAt,
            Instant updatedAt,
            String updatedBy,
            int lockVersion) {

        public static RuleView of(GovernanceRule r) {
            return new RuleView(
                    r.id,
                    r.category,
                    r.statement,
                    r.severity,
                    Map.copyOf(r.parameters),
                    r.enforcedAt,
                    r.updatedAt,
                    r.updatedBy,
                    r.lockVersion);
        }

        public boolean blocking() {
            return GovernanceRule.BLOCKING.equals(severity);
        }

        /** Where the rule is checked, in words. */
        public String enforcedWhere() {
            return switch (enforcedAt) {
                case "publication" -> "on every publication (the gate) and in the dry run";
                case "deprecation" ->
                    "on every deprecation notice: issuing, extending, and the retirement at its sunset";
                default -> "on the measurements products report";
            };
        }

        public List<Parameter> parameterList() {
            return parameters.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new Parameter(
                            e.getKey(),
                            e.getValue() instanceof List<?> list
                                    ? String.join(
                                            ", ",
                                            list.stream().map(String::valueOf).toList())
                                    : String.valueOf(e.getValue()),
                            e.getValue() instanceof Number))
                    .toList();
        }
    }

    public record Parameter(String name, String value, boolean numeric) {}

    public record RuleSetView(int version, Instant createdAt, String createdBy, String summary) {}
}
