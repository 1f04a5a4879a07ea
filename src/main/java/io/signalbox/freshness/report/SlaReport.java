package io.signalbox.freshness.report;

import io.signalbox.catalog.domain.DomainRoster;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * How well products keep their freshness promises (docs/freshness.md "The SLA page"): per domain and product, the
 * share of time on time over the last 30 and 90 days, the current breaches and the worst offenders, read from the
 * watch's own tables in a handful of statements.
 *
 * <p>The share of a product is the time it was on time or at risk (its deadline not passed) divided by the time it
 * was watched, both within the period (the last 30 or 90 days up to now): each history row's state holds from its
 * {@code at} until the product's next row, or now. A domain's share is the sum of its products' on-time time over the
 * sum of their watched time, so a product watched for a day weighs less than one watched all period. A share is null
 * while nothing was watched in the period. Shares are fractions from 0 to 1, rounded to four decimals.
 */
@ApplicationScoped
// A transaction although it only reads: the report's statements and the roster's lookup share one connection, which
// without one would be released (closed under the JDBC work) after the roster's query.
@Transactional
public class SlaReport {

    /** Breaches and worst offenders listed in the report; the domain's product list is paged. */
    public static final int LISTED = 10;

    /** Products on a page of the product list unless {@code size} says otherwise. */
    public static final int DEFAULT_SIZE = 50;

    /** The largest {@code size} of the product list. */
    public static final int MAX_SIZE = 200;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DomainRoster roster;

    /**
     * One domain's standing.
     *
     * @param products watched products
     * @param breached of those, past their deadline now
     * @param atRisk of those, within their margin now
     * @param onTime30 share of time on time over the last 30 days (0 to 1), null when nothing was watched
     * @param onTime90 the same over 90 days
     */
    public record DomainSla(
            String key, String name, long products, long breached, long atRisk, Double onTime30, Double onTime90) {

        /** The 30-day share as a page shows it ("97.5 %", "–" when none). */
        public String percent30() {
            return percent(onTime30);
        }

        /** The 90-day share as a page shows it. */
        public String percent90() {
            return percent(onTime90);
        }
    }

    /**
     * One product's standing.
     *
     * @param state on_time, at_risk or breached
     * @param since when the current state began
     * @param deadline the latest reported refresh (or the publication) + the declared freshness
     * @param lastRefreshedAt the latest reported refresh; null while none was reported
     * @param declared the declared freshness as the contract writes it
     */
    public record ProductSla(
            String key,
            String title,
            String domain,
            String state,
            Instant since,
            Instant deadline,
            Instant lastRefreshedAt,
            String declared,
            Double onTime30,
            Double onTime90) {

        /** The 30-day share as a page shows it ("97.5 %", "–" when none). */
        public String percent30() {
            return percent(onTime30);
        }

        /** The 90-day share as a page shows it. */
        public String percent90() {
            return percent(onTime90);
        }

        /** The state as a page says it: "on time", "at risk", "breached". */
        public String stateText() {
            return state.replace('_', ' ');
        }
    }

    /** A share (0 to 1) as a percentage with one decimal, "–" for none. */
    static String percent(Double share) {
        return share == null
                ? "–"
                : BigDecimal.valueOf(share * 100)
                                .setScale(1, java.math.RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString()
                        + " %";
    }

    /** The products past their deadline now: how many, and the {@value #LISTED} longest overdue. */
    public record Breaches(long count, List<ProductSla> longestOverdue) {}

    /**
     * The report.
     *
     * @param asOf the instant the shares were computed at
     * @param domain the domain it is limited to; null for all
     * @param domains each domain with watched products, by key (only the one asked for, when limited)
     * @param worstOffenders the {@value #LISTED} products with the lowest 30-day share below 1, lowest first
     * @param products the domain's products by key, the first page (null for the whole catalog's report)
     */
    public record Report(
            Instant asOf,
            String domain,
            List<DomainSla> domains,
            Breaches breaches,
            List<ProductSla> worstOffenders,
            Page<ProductSla> products) {}

    /**
     * The report of the whole catalog, or of one domain with its products' first page.
     *
     * @param productsPath where the product list's next page is asked for
     * @throws Refusal.NotFound (404) naming the domain when no domain has that key
     */
    public Report report(Optional<String> domain, String productsPath) {
        domain.ifPresent(this::refuseUnknown);
        Instant now = clock.instant();
        return work(connection -> {
            List<DomainSla> domains = domains(connection, domain, now);
            Breaches breaches = breaches(connection, domain, now);
            List<ProductSla> worst = worstOffenders(connection, domain, now);
            Page<ProductSla> products = domain.isPresent()
                    ? productPage(connection, domain, new PageRequest(List.of(), DEFAULT_SIZE), now, productsPath)
                    : null;
            return new Report(now, domain.orElse(null), domains, breaches, worst, products);
        });
    }

    /**
     * A page of watched products by key, with their shares (web.Paging: {@code size} 1 to {@value #MAX_SIZE}).
     *
     * @param domain only this domain's products (empty: all)
     * @throws Refusal.NotFound (404) naming the domain when no domain has that key
     */
    public Page<ProductSla> products(Optional<String> domain, PageRequest page, String path) {
        domain.ifPresent(this::refuseUnknown);
        Instant now = clock.instant();
        return work(connection -> productPage(connection, domain, page, now, path));
    }

    private void refuseUnknown(String domain) {
        if (roster.namesOf(List.of(domain)).isEmpty()) {
            throw Refusal.notFound("There is no domain '" + domain + "'; the SLA page lists every domain's products.");
        }
    }

    /**
     * The shares of the watched products chosen by {@code chosen} (a select of {@code freshness_state} rows aliased
     * {@code s}, the first parameter being now): each history row's state holds until the next row or now, and its
     * overlap with the last 30 and 90 days is summed, on time (not breached) and in all.
     */
    private static String withShares(String chosen) {
        return """
                with chosen as (%s),
                spans as (
                    select t.product_id, t.to_state, t.at as starts,
                           coalesce(lead(t.at) over (partition by t.product_id order by t.id), n.now) as ends, n.now
                    from freshness_transition t
                    join chosen c on c.product_id = t.product_id
                    cross join (select ?::timestamptz as now) n
                ),
                spent as (
                    select product_id, to_state,
                           greatest(0, extract(epoch from least(ends, now) - greatest(starts, now - interval '30 days')))
                               as s30,
                           greatest(0, extract(epoch from least(ends, now) - greatest(starts, now - interval '90 days')))
                               as s90
                    from spans
                ),
                shares as (
                    select product_id,
                           coalesce(sum(s30) filter (where to_state <> 'breached'), 0) as on_time_30,
                           sum(s30) as watched_30,
                           coalesce(sum(s90) filter (where to_state <> 'breached'), 0) as on_time_90,
                           sum(s90) as watched_90
                    from spent group by product_id
                )
                """.formatted(chosen);
    }

    private static final String SHARE_30 = "round((h.on_time_30 / nullif(h.watched_30, 0))::numeric, 4)";
    private static final String SHARE_90 = "round((h.on_time_90 / nullif(h.watched_90, 0))::numeric, 4)";

    private static final String PRODUCT_COLUMNS =
            "s.product_key, s.title, s.domain_key, s.state, s.since, s.deadline, s.last_refreshed_at, s.declared, "
                    + SHARE_30 + ", " + SHARE_90;

    private List<DomainSla> domains(Connection connection, Optional<String> domain, Instant now) throws SQLException {
        String sql = withShares("select s.product_id from freshness_state s where s.unwatched_at is null"
                        + (domain.isPresent() ? " and s.domain_key = ?" : ""))
                + """
                select s.domain_key, count(*), count(*) filter (where s.state = 'breached'),
                       count(*) filter (where s.state = 'at_risk'),
                       round((sum(h.on_time_30) / nullif(sum(h.watched_30), 0))::numeric, 4),
                       round((sum(h.on_time_90) / nullif(sum(h.watched_90), 0))::numeric, 4)
                from freshness_state s left join shares h on h.product_id = s.product_id
                where s.unwatched_at is null
                """
                + (domain.isPresent() ? " and s.domain_key = ?" : "")
                + " group by s.domain_key order by s.domain_key";
        List<String[]> rows = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            if (domain.isPresent()) {
                select.setString(p++, domain.get());
            }
            select.setObject(p++, time(now));
            if (domain.isPresent()) {
                select.setString(p, domain.get());
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1)});
                    values.add(new Object[] {r.getLong(2), r.getLong(3), r.getLong(4), share(r, 5), share(r, 6)});
                }
            }
        }
        Map<String, String> names = roster.namesOf(rows.stream().map(r -> r[0]).toList());
        List<DomainSla> domains = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i)[0];
            Object[] v = values.get(i);
            domains.add(new DomainSla(
                    key, names.getOrDefault(key, key), (Long) v[0], (Long) v[1], (Long) v[2], (Double) v[3], (Double)
                            v[4]));
        }
        return domains;
    }

    private Breaches breaches(Connection connection, Optional<String> domain, Instant now) throws SQLException {
        String filter =
                "s.unwatched_at is null and s.state = 'breached'" + (domain.isPresent() ? " and s.domain_key = ?" : "");
        long count;
        try (PreparedStatement select =
                connection.prepareStatement("select count(*) from freshness_state s where " + filter)) {
            domain.ifPresent(d -> set(select, 1, d));
            try (ResultSet r = select.executeQuery()) {
                r.next();
                count = r.getLong(1);
            }
        }
        String sql = withShares("select s.product_id from freshness_state s where " + filter
                        + " order by s.deadline, s.product_key limit " + LISTED)
                + "select " + PRODUCT_COLUMNS
                + " from chosen c join freshness_state s on s.product_id = c.product_id"
                + " left join shares h on h.product_id = s.product_id order by s.deadline, s.product_key";
        return new Breaches(count, products(connection, sql, domain, now));
    }

    private List<ProductSla> worstOffenders(Connection connection, Optional<String> domain, Instant now)
            throws SQLException {
        String sql = withShares("select s.product_id from freshness_state s where s.unwatched_at is null"
                        + (domain.isPresent() ? " and s.domain_key = ?" : ""))
                + "select " + PRODUCT_COLUMNS
                + " from shares h join freshness_state s on s.product_id = h.product_id"
                + " where h.on_time_30 < h.watched_30"
                + " order by h.on_time_30 / h.watched_30, s.product_key limit " + LISTED;
        return products(connection, sql, domain, now);
    }

    private Page<ProductSla> productPage(
            Connection connection, Optional<String> domain, PageRequest page, Instant now, String path)
            throws SQLException {
        List<Object> chosenParameters = new ArrayList<>();
        StringBuilder chosen = new StringBuilder(
                "select s.product_id, s.product_key from freshness_state s" + " where s.unwatched_at is null");
        if (domain.isPresent()) {
            chosen.append(" and s.domain_key = ?");
            chosenParameters.add(domain.get());
        }
        if (!page.first()) {
            chosen.append(" and s.product_key > ?");
            chosenParameters.add(page.after(0));
        }
        chosen.append(" order by s.product_key limit ").append(page.limitWithLookahead());
        String sql = withShares(chosen.toString())
                + "select " + PRODUCT_COLUMNS
                + " from chosen c join freshness_state s on s.product_id = c.product_id"
                + " left join shares h on h.product_id = s.product_id order by s.product_key";
        List<ProductSla> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            for (Object parameter : chosenParameters) {
                select.setObject(p++, parameter);
            }
            select.setObject(p, time(now));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(product(r));
                }
            }
        }
        Map<String, List<String>> query =
                domain.map(d -> Map.of("domain", List.of(d))).orElse(Map.of());
        return Paging.page(rows, page, p -> List.of(p.key()), path, query);
    }

    /** Runs a product query whose parameters are the domain (when given) and then now. */
    private static List<ProductSla> products(Connection connection, String sql, Optional<String> domain, Instant now)
            throws SQLException {
        List<ProductSla> products = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            if (domain.isPresent()) {
                select.setString(p++, domain.get());
            }
            select.setObject(p, time(now));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    products.add(product(r));
                }
            }
        }
        return products;
    }

    private static ProductSla product(ResultSet r) throws SQLException {
        return new ProductSla(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                instant(r, 5),
                instant(r, 6),
                instant(r, 7),
                r.getString(8),
                share(r, 9),
                share(r, 10));
    }

    private static Double share(ResultSet r, int column) throws SQLException {
        BigDecimal value = r.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static void set(PreparedStatement statement, int index, String value) {
        try {
            statement.setString(index, value);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
