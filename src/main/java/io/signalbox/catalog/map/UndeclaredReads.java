package io.signalbox.catalog.map;

import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * The undeclared reads of the mesh (docs/mesh-watch.md, issue 14): product P reads product Q when P's current version
 * declares an ODPS input port whose custom property {@code sourceProduct} is Q's key, Q is of another domain, and
 * neither is retired; the read is undeclared when Q's current version lists no consumer whose {@code domain} is P's
 * domain key (compared case-insensitively).
 *
 * <p>Read in SQL over current versions only, keyset-paged in the order (reading product key, read product key): the
 * walk follows the unique index on {@code data_product (key)} and stops after {@code size + 1} reads, so a page never
 * loads the catalog; the input ports and consumers are the version's small JSON lists (at most 50 and 200 entries).
 */
@ApplicationScoped
public class UndeclaredReads {

    /** Reads on a page when the client names no size. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** The most reads one page may hold. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final String READS = """
            select p.key, pv.title, pd.key as domain_key, pv.owner_email,
                   q.key as read_key, qv.title as read_title, qd.key as read_domain, qv.owner_email as read_owner
            from data_product p
            join product_version pv on pv.id = p.current_version_id
            join domain pd on pd.id = p.domain_id
            cross join lateral (select distinct e ->> 'sourceProduct' as source
                                from jsonb_array_elements(pv.input_ports) e
                                where e ->> 'sourceProduct' is not null) s
            join data_product q on q.key = s.source
            join product_version qv on qv.id = q.current_version_id
            join domain qd on qd.id = q.domain_id
            where p.status <> 'retired' and q.status <> 'retired' and q.domain_id <> p.domain_id
              and pv.input_ports <> '[]'::jsonb
              and not exists (select 1 from jsonb_array_elements(qv.consumers) c
                              where lower(c ->> 'domain') = lower(pd.key))
            """;

    @Inject
    EntityManager em;

    /** One side of a read: a product with its current title, its domain's key and its current owner's email. */
    public record Product(String key, String title, String domain, String ownerEmail) {}

    /** One undeclared read: {@code reading} reads {@code read} without being among its declared consumers. */
    public record Read(Product reading, Product read) {}

    /** The sort key of a read as cursor parts: (reading product key, read product key), unique. */
    public static List<String> sortKey(Read read) {
        return List.of(read.reading().key(), read.read().key());
    }

    /**
     * The undeclared reads after the request's cursor (two parts: {@link #sortKey}), at most {@code size + 1}, the
     * last telling {@link io.signalbox.web.Paging#page} that a next page exists.
     *
     * @param domain only reads where this domain reads or is read (empty: all)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Read> page(Optional<String> domain, PageRequest request) {
        StringBuilder sql = new StringBuilder(READS);
        if (!request.first()) {
            // The first condition lets the walk start at the cursor in the key index; the second is exact.
            sql.append(" and p.key >= :afterReading and (p.key > :afterReading or q.key > :afterRead)");
        }
        domain.ifPresent(d -> sql.append(" and (pd.key = :domain or qd.key = :domain)"));
        sql.append(" order by p.key, q.key limit :limit");
        Query query = em.createNativeQuery(sql.toString());
        if (!request.first()) {
            query.setParameter("afterReading", request.after(0)).setParameter("afterRead", request.after(1));
        }
        domain.ifPresent(d -> query.setParameter("domain", d));
        query.setParameter("limit", request.limitWithLookahead());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new Read(
                        new Product((String) r[0], (String) r[1], (String) r[2], (String) r[3]),
                        new Product((String) r[4], (String) r[5], (String) r[6], (String) r[7])))
                .toList();
    }

    /**
     * Which of the given (reading product key, read product key) pairs are undeclared reads now; the others were
     * declared since, lost their input port, or a side was retired or removed. One statement for the batch.
     *
     * @return the pairs still undeclared, each as {@code List.of(readingKey, readKey)}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<List<String>> stillUndeclared(Collection<List<String>> pairs) {
        Set<List<String>> still = new HashSet<>();
        if (pairs.isEmpty()) {
            return still;
        }
        String[] reading = pairs.stream().map(p -> p.get(0)).toArray(String[]::new);
        String[] read = pairs.stream().map(p -> p.get(1)).toArray(String[]::new);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            // Driven by the pairs: each is two lookups by key and a containment test on the reader's input ports.
            try (PreparedStatement select = connection.prepareStatement("""
                    select x.reading, x.read
                    from unnest(?::varchar[], ?::varchar[]) as x(reading, read)
                    join data_product p on p.key = x.reading
                    join product_version pv on pv.id = p.current_version_id
                    join domain pd on pd.id = p.domain_id
                    join data_product q on q.key = x.read
                    join product_version qv on qv.id = q.current_version_id
                    where p.status <> 'retired' and q.status <> 'retired' and q.domain_id <> p.domain_id
                      and pv.input_ports @> jsonb_build_array(jsonb_build_object('sourceProduct', x.read))
                      and not exists (select 1 from jsonb_array_elements(qv.consumers) c
                                      where lower(c ->> 'domain') = lower(pd.key))
                    """)) {
                select.setArray(1, connection.createArrayOf("varchar", reading));
                select.setArray(2, connection.createArrayOf("varchar", read));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        still.add(List.of(rows.getString(1), rows.getString(2)));
                    }
                }
            }
            return still;
        });
    }
}
