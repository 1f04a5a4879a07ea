package io.signalbox.readiness.heatmap;

import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.Verdict;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The heatmap's filters and sort as query parameters, shared by the page, the JSON and the CSV
 * (docs/readiness-council.md): {@code verdict} ({@code ready-to-pilot}, {@code needs-capability-building} with waivers
 * in force today, or {@code never-assessed}), {@code stale}, {@code diverges} and {@code overdue} ({@code true} or
 * {@code false}), one parameter per criterion key with a score ({@code capacity=red}: the self-score, waived or not),
 * and {@code sort} ({@code domain}, {@code verdict}, {@code assessed}, {@code overdue}; a leading {@code -} reverses).
 * Anything else in these parameters is a 400 naming the parameter and its allowed values.
 */
public class HeatmapFilter {

    /** The pseudo-verdict of domains without a submitted assessment. */
    public static final String NEVER_ASSESSED = "never-assessed";

    @QueryParam("verdict")
    String verdict;

    @QueryParam("stale")
    String stale;

    @QueryParam("diverges")
    String diverges;

    @QueryParam("overdue")
    String overdue;

    @QueryParam("business-ownership")
    String businessOwnership;

    @QueryParam("consumer-awareness")
    String consumerAwareness;

    @QueryParam("data-knowledge")
    String dataKnowledge;

    @QueryParam("change-authority")
    String changeAuthority;

    @QueryParam("capacity")
    String capacity;

    @QueryParam("sla-readiness")
    String slaReadiness;

    @QueryParam("sort")
    String sort;

    /** How the rows are ordered; each order ends with the domain key, so it is total. */
    public enum Sort {
        /** By domain key, a to z. */
        DOMAIN("domain", false),
        /** Needs capability building first, then ready to pilot. */
        VERDICT("verdict", false),
        /** Oldest submission first (the stalest on top). */
        ASSESSED("assessed", false),
        /** Most overdue plan items first. */
        OVERDUE("overdue", true);

        private final String key;
        private final boolean descendingByDefault;

        Sort(String key, boolean descendingByDefault) {
            this.key = key;
            this.descendingByDefault = descendingByDefault;
        }

        public String key() {
            return key;
        }

        boolean descendingByDefault() {
            return descendingByDefault;
        }
    }

    /**
     * The filters and order read and checked.
     *
     * @param verdict a verdict key, {@link #NEVER_ASSESSED}, or null for any
     * @param stale null for either
     * @param diverges null for either
     * @param overdue true: at least one overdue plan item; false: none; null: either
     * @param scores the self-score each named criterion must have
     * @param reversed whether the sort's default direction is reversed ({@code -} in front of it)
     */
    public record Query(
            String verdict,
            Boolean stale,
            Boolean diverges,
            Boolean overdue,
            Map<Criterion, Score> scores,
            Sort sort,
            boolean reversed) {

        /** The whole heatmap in its default order (domain key). */
        public static Query everything() {
            return new Query(null, null, null, null, Map.of(), Sort.DOMAIN, false);
        }

        public boolean neverAssessed() {
            return NEVER_ASSESSED.equals(verdict);
        }

        /** Descending order for this query's sort and direction. */
        public boolean descending() {
            return sort.descendingByDefault() != reversed;
        }

        /** The query as it was asked, for forms and links: parameter → value, only those set. */
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (verdict != null) {
                parameters.put("verdict", verdict);
            }
            if (stale != null) {
                parameters.put("stale", stale.toString());
            }
            if (diverges != null) {
                parameters.put("diverges", diverges.toString());
            }
            if (overdue != null) {
                parameters.put("overdue", overdue.toString());
            }
            scores.forEach((criterion, score) -> parameters.put(criterion.key(), score.key()));
            if (sort != Sort.DOMAIN || reversed) {
                parameters.put("sort", (reversed ? "-" : "") + sort.key());
            }
            return parameters;
        }
    }

    /**
     * Reads the parameters.
     *
     * @throws Refusal.Malformed (400) naming every parameter whose value is not one it takes, and saying which it takes
     */
    public Query read() {
        List<FieldProblem> problems = new ArrayList<>();
        String verdictKey = blankToNull(verdict);
        if (verdictKey != null
                && !NEVER_ASSESSED.equals(verdictKey)
                && !Verdict.READY_TO_PILOT.key().equals(verdictKey)
                && !Verdict.NEEDS_CAPABILITY_BUILDING.key().equals(verdictKey)) {
            problems.add(new FieldProblem(
                    "verdict", "must be ready-to-pilot, needs-capability-building or " + NEVER_ASSESSED));
            verdictKey = null;
        }
        Boolean staleFlag = flag("stale", stale, problems);
        Boolean divergesFlag = flag("diverges", diverges, problems);
        Boolean overdueFlag = flag("overdue", overdue, problems);
        Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
        String[] values = {businessOwnership, consumerAwareness, dataKnowledge, changeAuthority, capacity, slaReadiness
        };
        for (Criterion criterion : Criterion.values()) {
            String value = blankToNull(values[criterion.ordinal()]);
            if (value == null) {
                continue;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "green" -> scores.put(criterion, Score.GREEN);
                case "amber" -> scores.put(criterion, Score.AMBER);
                case "red" -> scores.put(criterion, Score.RED);
                default -> problems.add(new FieldProblem(criterion.key(), "must be green, amber or red"));
            }
        }
        Sort order = Sort.DOMAIN;
        boolean reversed = false;
        String sortKey = blankToNull(sort);
        if (sortKey != null) {
            reversed = sortKey.startsWith("-");
            String name = reversed ? sortKey.substring(1) : sortKey;
            order = null;
            for (Sort candidate : Sort.values()) {
                if (candidate.key().equals(name)) {
                    order = candidate;
                }
            }
            if (order == null) {
                problems.add(new FieldProblem(
                        "sort", "must be domain, verdict, assessed or overdue, with a leading - to reverse"));
                order = Sort.DOMAIN;
            }
        }
        if (NEVER_ASSESSED.equals(verdictKey)) {
            // A domain never assessed has no scores, no date and no plan: only the domain order means something.
            if (staleFlag != null || divergesFlag != null || overdueFlag != null || !scores.isEmpty()) {
                problems.add(new FieldProblem(
                        "verdict", NEVER_ASSESSED + " cannot be combined with stale, diverges, overdue or scores"));
            }
            if (order != Sort.DOMAIN) {
                problems.add(new FieldProblem("sort", "domains never assessed are listed by domain only"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.malformed("The heatmap's filter cannot be read", problems);
        }
        return new Query(verdictKey, staleFlag, divergesFlag, overdueFlag, scores, order, reversed);
    }

    private static Boolean flag(String name, String value, List<FieldProblem> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                problems.add(new FieldProblem(name, "must be true or false"));
                yield null;
            }
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
