package io.signalbox.governance.compliance;

import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The council's view of compliance: how each domain and each rule stands, the trend over the last weeks, what to fix
 * first (failing before warning, most consumers first), and the columns nobody tagged. Live (not retired) products
 * only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ComplianceDashboard {

    static final int TREND_WEEKS = 12;
    static final int FIX_FIRST = 20;
    static final int UNTAGGED = 50;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public record Counts(long passing, long warning, long failing, long unjudged) {
        public long total() {
            return passing + warning + failing + unjudged;
        }

        /** Passing share of the judged products, in whole percent; 0 when none is judged. */
        public long passingPercent() {
            long judged = passing + warning + failing;
            return judged == 0 ? 0 : Math.round(100.0 * passing / judged);
        }
    }

    public record DomainRow(String key, String name, Counts counts) {}

    public record RuleRow(
            String rule, String category, String severity, String statement, long warning, long failing) {}

    public record WeekRow(LocalDate weekEnding, Counts counts) {}

    public record FixRow(
            String productKey,
            String title,
            String domain,
            String status,
            long consumers,
            String rule,
            String field,
            String problem,
            String fix) {}

    /** A product with untagged columns: the first few of them by position, and how many it has. */
    public record UntaggedRow(
            String productKey, String title, String domain, List<String> columns, long untaggedColumns) {}

    public record Dashboard(
            Counts total,
            List<DomainRow> domains,
            List<RuleRow> rules,
            List<WeekRow> trend,
            Page<FixRow> fixFirst,
            Page<UntaggedRow> untagged,
            long untaggedProducts) {}

    /** Page sizes of the findings and untagged lists: default and maximum. */
    public static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    /** How many untagged column names a row shows. */
    static final int UNTAGGED_NAMED = 10;

    /**
     * The dashboard: counts per domain and rule computed in SQL, the trend over {@value #TREND_WEEKS} weeks, and the
     * first pages of what to fix ({@value #FIX_FIRST}) and of products with untagged columns ({@value #UNTAGGED});
     * their next links go to {@code fixFirstPath} and {@code untaggedPath}.
     */
    public Dashboard dashboard(String fixFirstPath, String untaggedPath) {
        Map<String, DomainRow> domains = byDomain();
        long passing = 0, warning = 0, failing = 0, unjudged = 0;
        for (DomainRow row : domains.values()) {
            passing += row.counts().passing();
            warning += row.counts().warning();
            failing += row.counts().failing();
            unjudged += row.counts().unjudged();
        }
        return new Dashboard(
                new Counts(passing, warning, failing, unjudged),
                List.copyOf(domains.values()),
                byRule(),
                trend(),
                fixFirst(Paging.request(null, FIX_FIRST, FIX_FIRST, MAX_SIZE, 3), fixFirstPath),
                untagged(Paging.request(null, UNTAGGED, UNTAGGED, MAX_SIZE, 2), untaggedPath),
                untaggedProducts());
    }

    private Map<String, DomainRow> byDomain() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select p.domain_key, p.domain_name,
                               count(*) filter (where p.compliance = 'passing'),
                               count(*) filter (where p.compliance = 'warning'),
                               count(*) filter (where p.compliance = 'failing'),
                               count(*) filter (where p.compliance is null)
                        from catalog_product p
                        where p.status <> 'retired' and p.current_version_id is not null
                        group by p.domain_key, p.domain_name order by p.domain_key
                        """).getResultList();
        Map<String, DomainRow> result = new LinkedHashMap<>();
        for (Object[] r : rows) {
            result.put(
                    (String) r[0],
                    new DomainRow((String) r[0], (String) r[1], new Counts(n(r[2]), n(r[3]), n(r[4]), n(r[5]))));
        }
        return result;
    }

    /** Per rule, how many live products its findings make warning or failing now (their latest judgement). */
    private List<RuleRow> byRule() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with latest as (
                            select distinct on (e.product_id) e.product_id, e.findings
                            from compliance_evaluation e join catalog_product p on p.id = e.product_id
                            where p.status <> 'retired'
                            order by e.product_id, e.id desc)
                        select r.id, r.category, r.severity, r.statement,
                               count(distinct l.product_id) filter (where f ->> 'severity' = 'warning'),
                               count(distinct l.product_id) filter (where f ->> 'severity' = 'blocking')
                        from governance_rule r
                        left join (latest l cross join lateral jsonb_array_elements(l.findings) f)
                               on f ->> 'rule' = r.id
                        group by r.id, r.category, r.severity, r.statement, r.position
                        order by r.position
                        """).getResultList();
        return rows.stream()
                .map(r -> new RuleRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], n(r[4]), n(r[5])))
                .toList();
    }

    /** For each of the last weeks, each live product's standing as of the end of that week. */
    private List<WeekRow> trend() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<WeekRow> weeks = new ArrayList<>();
        for (int back = TREND_WEEKS - 1; back >= 0; back--) {
            LocalDate weekEnding = today.minus(back, ChronoUnit.WEEKS);
            Instant end = weekEnding.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Object[] r = (Object[]) em.createNativeQuery("""
                            select count(*) filter (where s.status = 'passing'),
                                   count(*) filter (where s.status = 'warning'),
                                   count(*) filter (where s.status = 'failing')
                            from (select distinct on (e.product_id) e.status
                                  from compliance_evaluation e join catalog_product p on p.id = e.product_id
                                  where e.evaluated_at < :end and p.status <> 'retired'
                                  order by e.product_id, e.id desc) s
                            """)
                    .setParameter("end", Timestamp.from(end))
                    .getSingleResult();
            weeks.add(new WeekRow(weekEnding, new Counts(n(r[0]), n(r[1]), n(r[2]), 0)));
        }
        return weeks;
    }

    /**
     * One page of the products to fix, failing before warning; among them, the most declared consumers first, then by
     * key; each with its first finding (a blocking one when it has any). The cursor holds the three sort key parts.
     */
    public Page<FixRow> fixFirst(PageRequest page, String path) {
        Query query = em.createNativeQuery("""
                select p.key, p.title, p.domain_key, p.compliance, p.consumer_count,
                       f ->> 'rule', f ->> 'field', f ->> 'problem', f ->> 'fix'
                from catalog_product p
                join lateral (select e.findings from compliance_evaluation e
                              where e.product_id = p.id order by e.id desc limit 1) latest on true
                join lateral (select f from jsonb_array_elements(latest.findings) f
                              order by (f ->> 'severity' = 'blocking') desc limit 1) first on true
                where p.status <> 'retired' and p.compliance in ('failing', 'warning')
                """ + (page.first() ? "" : """
                  and (case when p.compliance = 'failing' then 0 else 1 end, -p.consumer_count, p.key)
                      > (:rank, :consumers, :key)
                """) + """
                order by (p.compliance = 'failing') desc, p.consumer_count desc, p.key
                limit :limit
                """)
                .setParameter("limit", page.limitWithLookahead());
        if (!page.first()) {
            query.setParameter("rank", page.after(0, Long::parseLong))
                    .setParameter("consumers", -page.after(1, Long::parseLong))
                    .setParameter("key", page.after(2));
        }
        List<FixRow> rows = rows(query).stream()
                .map(r -> new FixRow(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        n(r[4]),
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (String) r[8]))
                .toList();
        return Paging.page(
                rows,
                page,
                f -> List.of("failing".equals(f.status()) ? "0" : "1", Long.toString(f.consumers()), f.productKey()),
                path,
                Map.of());
    }

    private static final String UNTAGGED_COLUMNS = """
            from catalog_product p
            join catalog_current_column c on c.product_id = p.id
            where p.status <> 'retired' and c.canonical_attribute is null and c.classification is null
            """;

    /**
     * One page of the live products with columns that have neither a canonical attribute nor a classification, by
     * domain and key; each names its first {@value #UNTAGGED_NAMED} such columns and counts them all.
     */
    public Page<UntaggedRow> untagged(PageRequest page, String path) {
        Query query = em.createNativeQuery("""
                select p.key, p.title, p.domain_key, u.names, u.total
                from catalog_product p
                join lateral (select array_to_string((array_agg(c.name order by c.position))[1:%d], ',') as names,
                                     count(*) as total
                              from catalog_current_column c
                              where c.product_id = p.id and c.canonical_attribute is null
                                and c.classification is null) u on u.total > 0
                where p.status <> 'retired'
                """.formatted(UNTAGGED_NAMED) + (page.first() ? "" : """
                  and (p.domain_key, p.key) > (:domain, :key)
                """) + """
                order by p.domain_key, p.key
                limit :limit
                """)
                .setParameter("limit", page.limitWithLookahead());
        if (!page.first()) {
            query.setParameter("domain", page.after(0)).setParameter("key", page.after(1));
        }
        List<UntaggedRow> rows = rows(query).stream()
                .map(r -> new UntaggedRow(
                        (String) r[0], (String) r[1], (String) r[2], List.of(((String) r[3]).split(",")), n(r[4])))
                .toList();
        return Paging.page(rows, page, u -> List.of(u.domain(), u.productKey()), path, Map.of());
    }

    private long untaggedProducts() {
        return n(em.createNativeQuery("select count(distinct p.id) " + UNTAGGED_COLUMNS)
                .getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
