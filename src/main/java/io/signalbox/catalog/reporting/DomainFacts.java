package io.signalbox.catalog.reporting;

import io.signalbox.identity.DomainOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the catalog knows about one domain, counted for the readiness evidence (docs/readiness-evidence.md): its
 * people, its products and their documentation, who reads them, and who published them lately. Six aggregate SQL
 * statements over the domain's own products (indexes on {@code data_product (domain_id, status)}, the current
 * version's columns, the GIN index on input ports), so the cost grows with the domain, never with the catalog; the one
 * list it returns (declared freshness per product) is bounded by the domain's products.
 *
 * <p>"Current products" are the domain's products with a current version that are not retired; every count below is
 * over their current versions unless it says otherwise.
 */
@ApplicationScoped
public class DomainFacts {

    /** Texts that stand for nobody: a business owner given as one of these is not named. */
    private static final Set<String> PLACEHOLDERS =
            Set.of("", "-", "?", "n/a", "na", "none", "nobody", "tbd", "tba", "todo", "unknown", "vacant");

    private static final Pattern NAME_AND_ADDRESS = Pattern.compile("^(.*?)<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>\\s*$");
    private static final Pattern ADDRESS = Pattern.compile("^[^\\s@]+@[^\\s@]+$");

    private static final String DOMAIN = "select id, business_owner, technical_contact from domain where key = ?";

    private static final String PRODUCTS = """
            select count(*),
                   count(*) filter (where jsonb_array_length(v.consumers) > 0),
                   count(*) filter (where jsonb_array_length(v.input_ports) > 0),
                   count(*) filter (where v.sla_freshness is not null),
                   count(distinct lower(v.owner_email))
              from data_product p
              join product_version v on v.id = p.current_version_id
             where p.domain_id = %1$d and p.status <> 'retired'
            """;

    private static final String COLUMNS = """
            select count(*),
                   count(*) filter (where c.classification is not null and btrim(coalesce(c.description, '')) <> '')
              from data_product p
              join schema_column c on c.version_id = p.current_version_id
             where p.domain_id = %1$d and p.status <> 'retired'
            """;

    // Own people: holders of a portal grant for the domain (passed in), the addresses of its business owner and
    // technical contact (passed in), and the named owners of its current products (read here).
    private static final String PUBLICATIONS = """
            with product_owners as (
                select distinct lower(v.owner_email) as who
                  from data_product p
                  join product_version v on v.id = p.current_version_id
                 where p.domain_id = %1$d and p.status <> 'retired'
            )
            select count(*),
                   count(*) filter (where lower(v.published_by) = any(?) or o.who is not null)
              from data_product p
              join product_version v on v.product_id = p.id
              left join product_owners o on o.who = lower(v.published_by)
             where p.domain_id = %1$d and v.published_at > ? and v.published_at <= ?
            """;

    // A read of one of this domain's products by a product of another domain (docs/domain-map.md's definition): the
    // reader's current version names the product in an input port's sourceProduct; it is declared when the read
    // product's current version lists a consumer of the reader's domain. One containment probe of the GIN index per
    // product of this domain. PostgreSQL guesses a thousand rows per containment probe (it finds one or two), and
    // would then hash the whole data_product table to meet them; the lateral LIMIT keeps it to one index lookup
    // (data_product (current_version_id)) per version found.
    private static final String READS = """
            select count(*),
                   count(*) filter (where not r.declared),
                   count(distinct r.reader_id) filter (where not r.declared),
                   count(distinct r.reader_domain) filter (where not r.declared)
              from data_product q
              join product_version qv on qv.id = q.current_version_id
              join lateral (
                    select p.id as reader_id, d.key as reader_domain,
                           exists (select 1 from jsonb_array_elements(qv.consumers) c
                                    where lower(c ->> 'domain') = lower(d.key)) as declared
                      from product_version pv
                      join lateral (select p.id, p.domain_id, p.status from data_product p
                                     where p.current_version_id = pv.id limit 1) p on true
                      join domain d on d.id = p.domain_id
                     where pv.input_ports @> jsonb_build_array(jsonb_build_object('sourceProduct', q.key))
                       and p.domain_id <> q.domain_id and p.status <> 'retired'
                   ) r on true
             where q.domain_id = %1$d and q.status <> 'retired'
            """;

    private static final String FRESHNESS = """
            select p.id, v.sla_freshness
              from data_product p
              join product_version v on v.id = p.current_version_id
             where p.domain_id = %1$d and p.status <> 'retired' and v.sla_freshness is not null
             order by p.id
            """;

    @Inject
    DataSource dataSource;

    @Inject
    DomainOwnership ownership;

    /**
     * The facts about one domain.
     *
     * @param domainKey the domain
     * @param publishedAfter the start of the publication window (exclusive)
     * @param publishedUntil its end (inclusive): normally now, from the injected clock
     * @return empty when no domain has this key
     */
    public Optional<Facts> of(String domainKey, Instant publishedAfter, Instant publishedUntil) {
        try (Connection connection = dataSource.getConnection()) {
            long domainId;
            String businessOwner;
            String technicalContact;
            try (PreparedStatement query = connection.prepareStatement(DOMAIN)) {
                query.setString(1, domainKey);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    domainId = row.getLong(1);
                    businessOwner = row.getString(2);
                    technicalContact = row.getString(3);
                }
            }
            long[] products = counts(connection, PRODUCTS, domainId);
            long[] columns = counts(connection, COLUMNS, domainId);
            long[] reads = counts(connection, READS, domainId);
            Set<String> ownPeople = ownPeople(domainKey, businessOwner, technicalContact);
            long[] publications;
            try (PreparedStatement query = connection.prepareStatement(forDomain(PUBLICATIONS, domainId))) {
                query.setArray(1, connection.createArrayOf("text", ownPeople.toArray()));
                query.setObject(2, OffsetDateTime.ofInstant(publishedAfter, ZoneOffset.UTC));
                query.setObject(3, OffsetDateTime.ofInstant(publishedUntil, ZoneOffset.UTC));
                publications = counts(query);
            }
            List<DeclaredFreshness> freshness = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(forDomain(FRESHNESS, domainId))) {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        freshness.add(new DeclaredFreshness(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
            return Optional.of(new Facts(
                    domainKey,
                    businessOwner,
                    technicalContact,
                    isNamed(businessOwner),
                    !samePerson(businessOwner, technicalContact),
                    products[0],
                    products[1],
                    products[2],
                    products[3],
                    products[4],
                    columns[0],
                    columns[1],
                    reads[0],
                    reads[1],
                    reads[2],
                    reads[3],
                    publications[0],
                    publications[1],
                    List.copyOf(freshness)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the facts of domain " + domainKey, e);
        }
    }

    /**
     * Whether two ways of naming people ("Ana Costa &lt;ana@example.com&gt;", "ana@example.com", "Ana Costa") name the
     * same person: the same e-mail address (case-insensitive), or the same name (case, accents and spacing ignored), or
     * a name that spells an address's local part ("Ana Costa" and "ana.costa@…").
     */
    public static boolean samePerson(String one, String other) {
        Person a = Person.of(one);
        Person b = Person.of(other);
        if (a.address() != null && a.address().equals(b.address())) {
            return true;
        }
        if (a.name() != null && a.name().equals(b.name())) {
            return true;
        }
        return a.name() != null && a.name().equals(b.addressName())
                || b.name() != null && b.name().equals(a.addressName());
    }

    /** Whether the text names someone: not blank and not a placeholder such as "TBD" or "n/a". */
    public static boolean isNamed(String person) {
        return person != null && !PLACEHOLDERS.contains(normalised(person));
    }

    /** The people whose publications count as the domain's own, lower-cased (see {@link #PUBLICATIONS}). */
    private Set<String> ownPeople(String domainKey, String businessOwner, String technicalContact) {
        Set<String> people = new LinkedHashSet<>();
        ownership.grantsOf(domainKey).forEach(g -> people.add(g.username().toLowerCase(Locale.ROOT)));
        for (String person : List.of(businessOwner, technicalContact)) {
            String address = Person.of(person).address();
            if (address != null) {
                people.add(address);
            }
        }
        return people;
    }

    private static long[] counts(Connection connection, String sql, long domainId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(forDomain(sql, domainId))) {
            return counts(query);
        }
    }

    /**
     * The statement with the domain's id written in, not bound: domains range from a handful of products to 15 000
     * (the bench's largest), and a bound id lets PostgreSQL reuse one generic plan for all of them after five
     * executions, which reads every column of the catalog for a domain of 1 000 products (4× slower, measured). The
     * id is a number read from the database, never text from a request.
     */
    private static String forDomain(String sql, long domainId) {
        return String.format(Locale.ROOT, sql, domainId);
    }

    /** The one row of an aggregate query, every column a count. */
    private static long[] counts(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            long[] values = new long[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(i + 1);
            }
            return values;
        }
    }

    private static String normalised(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A person as a domain names them: a name, an address, or both ("Name &lt;address&gt;"). */
    private record Person(String name, String address) {

        static Person of(String text) {
            if (text == null || !isNamed(text)) {
                return new Person(null, null);
            }
            String stripped = text.strip();
            Matcher both = NAME_AND_ADDRESS.matcher(stripped);
            if (both.matches()) {
                String name = normalised(both.group(1).replace("\"", ""));
                return new Person(name.isEmpty() ? null : name, both.group(2).toLowerCase(Locale.ROOT));
            }
            if (ADDRESS.matcher(stripped).matches()) {
                return new Person(null, stripped.toLowerCase(Locale.ROOT));
            }
            return new Person(normalised(stripped), null);
        }

        /** The address's local part read as a name: "ana.costa@…" → "ana costa". */
        String addressName() {
            if (address == null) {
                return null;
            }
            return normalised(address.substring(0, address.indexOf('@')).replaceAll("[._+-]+", " "));
        }
    }

    /**
     * The facts about one domain (counts over its current products, see the class comment).
     *
     * @param businessOwner the business owner as registered
     * @param technicalContact the technical contact as registered
     * @param businessOwnerNamed whether the business owner names someone (not a placeholder)
     * @param ownerDistinctFromContact whether the business owner and the technical contact are different people
     *     ({@link #samePerson})
     * @param products current products
     * @param productsWithConsumers those whose current version declares at least one consumer
     * @param productsWithInputs those that declare at least one input port
     * @param productsWithFreshness those that declare a freshness (ODCS slaProperties freshness, latency or
     *     frequency: what governance's freshness-declared rule reads)
     * @param namedOwners distinct product owner e-mail addresses (case-insensitive)
     * @param columns columns of current versions (nested fields included)
     * @param documentedColumns those with both a description and a classification
     * @param readsByOthers reads of this domain's products by other domains' products
     * @param undeclaredReads those whose reader's domain is not among the read product's declared consumers
     * @param undeclaredConsumers distinct reading products behind the undeclared reads
     * @param undeclaredConsumerDomains distinct domains of those readers
     * @param publications versions of the domain's products (retired ones too) published in the window
     * @param publicationsByOwners those published by the domain's own people (see {@link #PUBLICATIONS})
     * @param freshness each current product's declared freshness, as written, in product id order
     */
    public record Facts(
            String domainKey,
            String businessOwner,
            String technicalContact,
            boolean businessOwnerNamed,
            boolean ownerDistinctFromContact,
            long products,
            long productsWithConsumers,
            long productsWithInputs,
            long productsWithFreshness,
            long namedOwners,
            long columns,
            long documentedColumns,
            long readsByOthers,
            long undeclaredReads,
            long undeclaredConsumers,
            long undeclaredConsumerDomains,
            long publications,
            long publicationsByOwners,
            List<DeclaredFreshness> freshness) {}

    /** A product's declared freshness, as its contract writes it (e.g. "daily by 06:00 UTC", "4 h"). */
    public record DeclaredFreshness(long productId, String freshness) {}
}
