package io.signalbox.catalog.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The named owner of each product, as its current version states it, for features that check who owns what (the
 * council's watch for orphaned products) without naming the catalog's tables. Keyset-paged by product key through the
 * unique index on the key (or {@code (domain_id, key)} for one domain), so a page costs the same at any catalog size.
 */
@ApplicationScoped
public class ProductOwners {

    @Inject
    EntityManager em;

    /**
     * A product that is not retired, with its current version's title and owner.
     *
     * @param ownerEmail the owner's email address, lower case
     * @param ownerName the owner's name as the descriptor gives it; may be null
     */
    public record ProductOwner(
            String key, String title, String domain, String status, String ownerName, String ownerEmail) {}

    /**
     * At most {@code limit} products that are not retired, by key, after {@code afterKey} (null: from the start).
     *
     * @param domain only this domain's products (empty: all)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProductOwner> page(Optional<String> domain, String afterKey, int limit) {
        StringBuilder sql = new StringBuilder("""
                select p.key, v.title, d.key as domain_key, p.status, v.owner_name, lower(v.owner_email)
                from data_product p
                join domain d on d.id = p.domain_id
                join product_version v on v.id = p.current_version_id
                where p.status <> 'retired'
                """);
        domain.ifPresent(d -> sql.append(" and d.key = :domain"));
        if (afterKey != null) {
            sql.append(" and p.key > :after");
        }
        sql.append(" order by p.key limit :limit");
        Query query = em.createNativeQuery(sql.toString());
        domain.ifPresent(d -> query.setParameter("domain", d));
        if (afterKey != null) {
            query.setParameter("after", afterKey);
        }
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new ProductOwner(
                        (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]))
                .toList();
    }
}
