package io.signalbox.catalog.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The freshness each live product promises, as its current version's contract declares it, with who owns it and when
 * that version was published: what the freshness watch walks without naming the catalog's tables. Keyset-paged by
 * product id (the primary key), so a page costs the same at any catalog size; retired products and products that
 * declare no freshness are left out.
 */
@ApplicationScoped
public class FreshnessPromises {

    @Inject
    EntityManager em;

    /**
     * One product's promise.
     *
     * @param declared the declared freshness as the contract writes it ("daily by 06:00 UTC", "4 h")
     * @param ownerEmail the current version's owner, lower case
     * @param publishedAt when the current version was published
     */
    public record Promise(
            long productId,
            String key,
            String domain,
            String title,
            String ownerEmail,
            String declared,
            Instant publishedAt) {}

    /** The promise of every live product that declares a freshness; callers add their condition and order. */
    private static final String PROMISES = """
            select p.id, p.key, d.key as domain_key, v.title, lower(v.owner_email), v.sla_freshness, v.published_at
            from data_product p
            join domain d on d.id = p.domain_id
            join product_version v on v.id = p.current_version_id
            where p.status <> 'retired' and v.sla_freshness is not null
            """;

    /** At most {@code limit} promises of products with an id above {@code afterId} (0: from the start), by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Promise> page(long afterId, int limit) {
        return promises(em.createNativeQuery(PROMISES + " and p.id > :after order by p.id limit :limit")
                .setParameter("after", afterId)
                .setParameter("limit", limit));
    }

    /** The promises of these products, as far as they still make one (retired or undeclared ones are absent). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Promise> of(java.util.Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        String ids =
                productIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return promises(em.createNativeQuery(PROMISES + " and p.id = any(cast(:ids as bigint[])) order by p.id")
                .setParameter("ids", ids));
    }

    private static List<Promise> promises(jakarta.persistence.Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new Promise(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        instant(r[6])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant time) {
            return time;
        }
        return ((Timestamp) value).toInstant();
    }
}
