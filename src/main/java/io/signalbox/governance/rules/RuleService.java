package io.signalbox.governance.rules;

import io.signalbox.catalog.model.Classification;
import io.signalbox.identity.AuditLog;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The council's changes to rules: severity and parameters (the checks are code). Every change is audited and makes
 * a new rule-set version, so an evaluation can always say which rules it applied.
 */
@ApplicationScoped
public class RuleService {

    private static final Set<String> SEVERITIES = Set.of(GovernanceRule.BLOCKING, GovernanceRule.WARNING);

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** What the council sends: the new severity, the parameters, and the lockVersion it saw (409 if stale). */
    public record RuleChange(String severity, Map<String, Object> parameters, Integer lockVersion) {}

    @Transactional
    public GovernanceRule change(String ruleId, RuleChange change, String actor) {
        GovernanceRule rule = GovernanceRule.<GovernanceRule>findByIdOptional(ruleId)
                .orElseThrow(() -> Refusal.notFound("There is no rule '" + ruleId + "'."));
        refuseUnlessValid(rule, change);
        if (change.lockVersion() != rule.lockVersion) {
            throw Refusal.conflict(
                    "rule " + ruleId + " was changed by someone else (lockVersion is now " + rule.lockVersion
                            + "); reload it and apply your change again",
                    "lockVersion");
        }
        Map<String, Object> parameters =
                change.parameters() == null ? rule.parameters : new LinkedHashMap<>(change.parameters());
        if (rule.severity.equals(change.severity()) && rule.parameters.equals(parameters)) {
            return rule;
        }
        String before = summary(rule.severity, rule.parameters);
        rule.severity = change.severity();
        rule.parameters = parameters;
        rule.updatedAt = clock.instant();
        rule.updatedBy = actor;
        ConcurrentWrites.flushOrConflict(
                "rule " + ruleId
                        + " was changed by someone else at the same time; reload it and apply your change again",
                "lockVersion");
        String after = summary(rule.severity, rule.parameters);
        recordRuleSet(actor, ruleId + ": " + before + " → " + after);
        audit.record(new AuditLog.Change(actor, "rule.changed", "rule", ruleId, null, before, after));
        return rule;
    }

    /** A new rule-set version holding every rule as it now stands; the lock makes versions strictly sequential. */
    private void recordRuleSet(String actor, String summary) {
        em.createNativeQuery("lock table rule_set_version in exclusive mode").executeUpdate();
        RuleSetVersion next = new RuleSetVersion();
        next.version = RuleSetVersion.latest() + 1;
        next.createdAt = clock.instant();
        next.createdBy = actor;
        next.summary = summary;
        List<Map<String, Object>> rules = new ArrayList<>();
        for (GovernanceRule r : GovernanceRule.listInOrder()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", r.id);
            entry.put("severity", r.severity);
            entry.put("parameters", r.parameters);
            rules.add(entry);
        }
        next.rules = rules;
        next.persist();
    }

    private static void refuseUnlessValid(GovernanceRule rule, RuleChange change) {
        List<FieldProblem> problems = new ArrayList<>();
        if (change.severity() == null || !SEVERITIES.contains(change.severity())) {
            problems.add(new FieldProblem("severity", "must be blocking or warning"));
        }
        if ("deprecation".equals(rule.enforcedAt)
                && change.severity() != null
                && !"blocking".equals(change.severity())) {
            problems.add(new FieldProblem(
                    "severity", "must stay blocking: a notice shorter than the minimum is always refused"));
        }
        if (change.parameters() != null
                && change.parameters().get(NoticePeriod.PARAMETER) instanceof Number days
                && (days.doubleValue() != Math.rint(days.doubleValue())
                        || days.doubleValue() < NoticePeriod.FLOOR_DAYS
                        || days.doubleValue() > NoticePeriod.CEILING_DAYS)) {
            problems.add(new FieldProblem(
                    "parameters." + NoticePeriod.PARAMETER,
                    "must be a whole number of days from " + NoticePeriod.FLOOR_DAYS + " to "
                            + NoticePeriod.CEILING_DAYS + ": consumers are owed at least "
                            + NoticePeriod.FLOOR_DAYS + " days' notice"));
        }
        if (change.lockVersion() == null) {
            problems.add(new FieldProblem(
                    "lockVersion", "is required: send the lockVersion you read, so no one's change is lost"));
        }
        if (change.parameters() != null) {
            for (Map.Entry<String, Object> parameter : change.parameters().entrySet()) {
                Object current = rule.parameters.get(parameter.getKey());
                String field = "parameters." + parameter.getKey();
                if (current == null) {
                    problems.add(new FieldProblem(
                            field,
                            "is not a parameter of " + rule.id + "; its parameters are "
                                    + (rule.parameters.isEmpty()
                                            ? "none"
                                            : String.join(", ", rule.parameters.keySet()))));
                } else if (current instanceof Number && !(parameter.getValue() instanceof Number)) {
                    problems.add(new FieldProblem(field, "must be a number"));
                } else if (current instanceof Number
                        && (((Number) parameter.getValue()).doubleValue() < 0
                                || ((Number) parameter.getValue()).doubleValue() > 100
                                        && parameter.getKey().endsWith("Percent"))) {
                    problems.add(new FieldProblem(field, "must be between 0 and 100"));
                } else if (current instanceof List<?>
                        && !(parameter.getValue() instanceof List<?> list
                                && !list.isEmpty()
                                && list.stream().allMatch(String.class::isInstance))) {
                    problems.add(new FieldProblem(field, "must be a non-empty list of words"));
                } else if (parameter.getKey().equals("classifications")
                        && !((List<?>) parameter.getValue())
                                .stream()
                                        .allMatch(v -> Classification.fromLabel((String) v)
                                                .isPresent())) {
                    problems.add(new FieldProblem(field, "may only hold public, internal, confidential, restricted"));
                }
            }
            rule.parameters.keySet().stream()
                    .filter(k -> !change.parameters().containsKey(k))
                    .forEach(k ->
                            problems.add(new FieldProblem("parameters." + k, "is required; send every parameter")));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The rule change is not valid", problems);
        }
    }

    private static String summary(String severity, Map<String, Object> parameters) {
        return severity + (parameters.isEmpty() ? "" : " " + parameters);
    }
}
