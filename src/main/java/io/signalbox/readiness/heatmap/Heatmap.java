package io.signalbox.readiness.heatmap;

import io.signalbox.catalog.domain.DomainRoster;
import io.signalbox.catalog.domain.DomainService.DomainRef;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.Verdict;
import io.signalbox.readiness.heatmap.HeatmapFilter.Query;
import io.signalbox.readiness.heatmap.HeatmapFilter.Sort;
import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The council's heatmap (issue 14): for each domain its latest submitted assessment, read with one statement (DISTINCT
 * ON over the partial index {@code readiness_assessment_submitted_idx}, then per domain its six answers, the waivers
 * in force today and its overdue plan items through lateral joins), filtered and sorted in SQL, a page at a time by
 * keyset. Domains never assessed come from the catalog's {@link DomainRoster}, never its tables.
 */
@ApplicationScoped
public class Heatmap {

    /** Rows on a page when the client names no size, and the most one page may hold. */
    public static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    /** Sort key parts of a row's cursor: the sort's name, the row's value in it, the domain key. */
    public static final int CURSOR_PARTS = 3;

    private static final int ROSTER_BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DomainRoster roster;

    @ConfigProperty(name = "signalbox.readiness.stale-after", defaultValue = "90D")
    Duration staleAfter;

    /**
     * One criterion of a row: the self-score, whether a red is waived (then it counts as amber), and what the heatmap
     * shows: {@code green}, {@code amber}, {@code red}, {@code red (waived)}, or empty when unanswered.
     */
    public record Cell(String criterion, String title, String score, boolean waived, String shown) {

        static Cell of(Criterion criterion, String score, boolean waived) {
            String shown = score == null ? "" : waived ? score + " (waived)" : score;
            return new Cell(criterion.key(), criterion.title(), score, waived, shown);
        }
    }

    /**
     * One domain of the heatmap.
     *
     * @param domain the domain's key
     * @param name its name as the catalog registers it (the key when the catalog does not know it)
     * @param assessmentId the latest submitted assessment; null when never assessed
     * @param submittedAt when it was submitted
     * @param assessedOn its day in UTC
     * @param criteria the six criteria in the questionnaire's order (empty when never assessed)
     * @param verdict the effective verdict with waivers in force today, or {@code never-assessed}
     * @param diverges some self-score was two levels better than its evidence at submission
     * @param stale submitted longer ago than {@code signalbox.readiness.stale-after}
     * @param overduePlanItems plan items of that assessment still open after their target date
     * @param link the domain's readiness page
     */
    public record Row(
            String domain,
            String name,
            Long assessmentId,
            Instant submittedAt,
            LocalDate assessedOn,
            List<Cell> criteria,
            String verdict,
            String verdictLabel,
            boolean diverges,
            boolean stale,
            long overduePlanItems,
            String link) {

        public boolean assessed() {
            return assessmentId != null;
        }
    }

    /** A page of rows (at most {@code size + 1}) and how many rows match the filter in all. */
    public record Result(List<Row> rows, long matching) {}

    /** How long after its submission an assessment is stale. */
    public Duration staleAfter() {
        return staleAfter;
    }

    /**
     * The rows matching {@code query} after the request's cursor, at most {@link PageRequest#limitWithLookahead()}.
     *
     * @throws io.signalbox.web.Refusal.Malformed (400) naming {@code after} for a cursor of another sort or not ours
     */
    @Transactional(TxType.SUPPORTS)
    public Result rows(Query query, PageRequest page) {
        if (query.neverAssessed()) {
            return neverAssessed(page);
        }
        Object[] cursor = page.first() ? null : cursorOf(query.sort(), page);
        return assessed(query, cursor, page.limitWithLookahead(), null);
    }

    /** Every row matching {@code query}, for the CSV export: bounded by the number of domains. */
    @Transactional(TxType.SUPPORTS)
    public List<Row> all(Query query) {
        if (query.neverAssessed()) {
            List<Row> rows = new ArrayList<>();
            String after = null;
            while (true) {
                List<DomainRef> batch = roster.keysAfter(after, ROSTER_BATCH);
                rows.addAll(unassessedAmong(batch));
                if (batch.size() < ROSTER_BATCH) {
                    return rows;
                }
                after = batch.get(batch.size() - 1).key();
            }
        }
        return assessed(query, null, Integer.MAX_VALUE, null).rows();
    }

    /** The latest submitted assessment of one domain as the heatmap shows it. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Row> latestOf(String domainKey) {
        return assessed(Query.everything(), null, 1, domainKey).rows().stream().findFirst();
    }

    /** How many registered domains have never submitted an assessment. */
    @Transactional(TxType.SUPPORTS)
    public long neverAssessedCount() {
        @SuppressWarnings("unchecked")
        List<String> assessed = em.createNativeQuery(
                        "select distinct domain_key from readiness_assessment where state = 'submitted'")
                .getResultList();
        long registered = 0;
        for (int i = 0; i < assessed.size(); i += DomainRoster.MAX_KEYS) {
            registered +=
                    roster.countRegistered(assessed.subList(i, Math.min(assessed.size(), i + DomainRoster.MAX_KEYS)));
        }
        return Math.max(0, roster.count() - registered);
    }

    /** The sort key parts of a row as {@link io.signalbox.web.Paging#page} writes them into the cursor. */
    public static List<String> sortKey(Query query, Row row) {
        String value = switch (query.neverAssessed() ? Sort.DOMAIN : query.sort()) {
            case DOMAIN -> row.domain();
            case VERDICT -> String.valueOf(Verdict.READY_TO_PILOT.key().equals(row.verdict()));
            case ASSESSED -> row.submittedAt().toString();
            case OVERDUE -> String.valueOf(row.overduePlanItems());
        };
        return List.of(query.neverAssessed() ? "never" : query.sort().key(), value, row.domain());
    }

    private Object[] cursorOf(Sort sort, PageRequest page) {
        if (!page.after(0).equals(sort.key())) {
            throw io.signalbox.web.Paging.foreignCursor("after");
        }
        Object value = switch (sort) {
            case DOMAIN -> page.after(1);
            case VERDICT ->
                page.after(1, v -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException(v);
                    }
                    return Boolean.valueOf(v);
                });
            case ASSESSED -> page.after(1, Instant::parse).atOffset(ZoneOffset.UTC);
            case OVERDUE -> page.after(1, Long::parseLong);
        };
        return new Object[] {value, page.after(2)};
    }

    private Result assessed(Query query, Object[] cursor, int limit, String domainKey) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        StringBuilder scores = new StringBuilder();
        for (Criterion criterion : Criterion.values()) {
            int i = criterion.ordinal();
            scores.append("max(an.score) filter (where an.criterion = '")
                    .append(criterion.key())
                    .append("') as s")
                    .append(i)
                    .append(", coalesce(bool_or(w.id is not null) filter (where an.criterion = '")
                    .append(criterion.key())
                    .append("'), false) as w")
                    .append(i)
                    .append(", ");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("today", today);
        parameters.put("staleBefore", now.minus(staleAfter).atOffset(ZoneOffset.UTC));
        if (query.verdict() != null) {
            where.add("h.ready = :ready");
            parameters.put("ready", Verdict.READY_TO_PILOT.key().equals(query.verdict()));
        }
        if (query.stale() != null) {
            where.add("h.stale = :stale");
            parameters.put("stale", query.stale());
        }
        if (query.diverges() != null) {
            where.add("h.diverges = :diverges");
            parameters.put("diverges", query.diverges());
        }
        if (query.overdue() != null) {
            where.add(query.overdue() ? "h.overdue > 0" : "h.overdue = 0");
        }
        query.scores().forEach((criterion, score) -> {
            where.add("h.s" + criterion.ordinal() + " = :score" + criterion.ordinal());
            parameters.put("score" + criterion.ordinal(), score.key());
        });
        String column = switch (query.sort()) {
            case DOMAIN -> "f.domain_key";
            case VERDICT -> "f.ready";
            case ASSESSED -> "f.submitted_at";
            case OVERDUE -> "f.overdue";
        };
        String direction = query.descending() ? " desc" : "";
        String keyset = "";
        if (cursor != null) {
            keyset = " where (" + column + ", f.domain_key) " + (query.descending() ? "<" : ">") + " (:cv, :ck)";
            parameters.put("cv", cursor[0]);
            parameters.put("ck", cursor[1]);
        }
        if (domainKey != null) {
            parameters.put("domain", domainKey);
        }
        String sql = "with latest as ("
                + " select distinct on (a.domain_key) a.id, a.domain_key, a.submitted_at, a.diverges"
                + " from readiness_assessment a where a.state = 'submitted'"
                + (domainKey == null ? "" : " and a.domain_key = :domain")
                + " order by a.domain_key, a.submitted_at desc, a.id desc),"
                + " h as (select l.id, l.domain_key, l.submitted_at, l.diverges, s.*,"
                + " (s.answered = 6 and s.unwaived_reds = 0) as ready,"
                + " (l.submitted_at < :staleBefore) as stale, o.overdue"
                + " from latest l"
                + " cross join lateral (select " + scores
                + " count(an.score) as answered,"
                + " count(*) filter (where an.score = 'red' and w.id is null) as unwaived_reds"
                + " from readiness_answer an left join readiness_waiver w on w.assessment_id = an.assessment_id"
                + " and w.criterion = an.criterion and an.score = 'red' and w.expires_on >= :today"
                + " where an.assessment_id = l.id) s"
                + " cross join lateral (select count(*) as overdue from readiness_plan_item p"
                + " where p.assessment_id = l.id and p.done_at is null and p.target_date < :today) o)"
                + " select f.* from (select h.*, count(*) over () as matching from h"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + ") f"
                + keyset
                + " order by " + column + direction + ", f.domain_key" + direction
                + (limit == Integer.MAX_VALUE ? "" : " limit " + limit);
        var statement = em.createNativeQuery(sql);
        parameters.forEach(statement::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> result = statement.getResultList();
        Set<String> keys = new HashSet<>();
        result.forEach(r -> keys.add((String) r[1]));
        Map<String, String> names = keys.size() <= DomainRoster.MAX_KEYS ? roster.namesOf(keys) : Map.of();
        List<Row> rows = new ArrayList<>();
        long matching = 0;
        for (Object[] r : result) {
            rows.add(row(r, names, today));
            matching = ((Number) r[r.length - 1]).longValue();
        }
        return new Result(rows, matching);
    }

    private Row row(Object[] r, Map<String, String> names, LocalDate today) {
        // columns: id, domain_key, submitted_at, diverges, s0, w0, …, s5, w5, answered, unwaived_reds, ready, stale,
        // overdue, matching
        String key = (String) r[1];
        Instant submittedAt = instant(r[2]);
        Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
        Set<Criterion> waived = EnumSet.noneOf(Criterion.class);
        List<Cell> cells = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            String score = (String) r[4 + 2 * criterion.ordinal()];
            boolean isWaived = Boolean.TRUE.equals(r[5 + 2 * criterion.ordinal()]);
            if (score != null) {
                scores.put(criterion, Score.ofKey(score, criterion.key()));
            }
            if (isWaived) {
                waived.add(criterion);
            }
            cells.add(Cell.of(criterion, score, isWaived));
        }
        // The verdict is computed by the one rule (readiness.Verdict); the SQL's "ready" column filters and sorts by
        // the
        // same rule, and the heatmap's test holds the two together.
        Verdict verdict = Verdict.of(scores, waived);
        int tail = 4 + 2 * Criterion.values().length;
        boolean stale = Boolean.TRUE.equals(r[tail + 3]);
        long overdue = ((Number) r[tail + 4]).longValue();
        return new Row(
                key,
                names.getOrDefault(key, key),
                ((Number) r[0]).longValue(),
                submittedAt,
                LocalDate.ofInstant(submittedAt, ZoneOffset.UTC),
                cells,
                verdict.key(),
                verdict.label(),
                Boolean.TRUE.equals(r[3]),
                stale,
                overdue,
                "/domains/" + key + "/readiness");
    }

    private Result neverAssessed(PageRequest page) {
        String after = null;
        if (!page.first()) {
            if (!page.after(0).equals("never")) {
                throw io.signalbox.web.Paging.foreignCursor("after");
            }
            after = page.after(2);
        }
        List<Row> rows = new ArrayList<>();
        while (rows.size() < page.limitWithLookahead()) {
            List<DomainRef> batch = roster.keysAfter(after, ROSTER_BATCH);
            for (Row row : unassessedAmong(batch)) {
                if (rows.size() < page.limitWithLookahead()) {
                    rows.add(row);
                }
            }
            if (batch.size() < ROSTER_BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).key();
        }
        return new Result(rows, neverAssessedCount());
    }

    private List<Row> unassessedAmong(List<DomainRef> domains) {
        if (domains.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> assessed = em.createNativeQuery("select distinct domain_key from readiness_assessment"
                        + " where state = 'submitted' and domain_key in (:keys)")
                .setParameter("keys", domains.stream().map(DomainRef::key).toList())
                .getResultList();
        Set<String> done = new HashSet<>(assessed);
        return domains.stream()
                .filter(d -> !done.contains(d.key()))
                .map(d -> new Row(
                        d.key(),
                        d.name(),
                        null,
                        null,
                        null,
                        List.of(),
                        HeatmapFilter.NEVER_ASSESSED,
                        "Never assessed",
                        false,
                        false,
                        0,
                        "/domains/" + d.key() + "/readiness"))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
