package io.signalbox.governance.canonical;

import io.signalbox.web.Paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The council's quarterly model review (docs/mesh-watch.md): canonical attributes that no live product (published or
 * deprecated, current version) maps, as candidates for deprecation. Read through the catalog's view
 * {@code catalog_current_column}; each attribute is one probe of the index on the columns' canonical attribute, which
 * stops at the first live mapping, and the attributes are keyset-paged by (entity, attribute).
 */
@ApplicationScoped
public class UnmappedAttributes {

    /** Attributes on a page when the client names no size. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** The most attributes one page may hold. */
    public static final int MAX_PAGE_SIZE = 200;

    /** Whether the revision aliased {@code %s} lists the attribute {@code a.name} in its snapshot. */
    private static final String IN_SNAPSHOT =
            "%s.snapshot -> 'attributes' @> jsonb_build_array(jsonb_build_object('name', a.name))";

    @Inject
    EntityManager em;

    /**
     * An attribute no live product maps.
     *
     * @param definedSince when the attribute was last added to its entity (the first revision of the entity's latest
     *     uninterrupted run of revisions that define it); null when no revision records it
     */
    public record UnmappedAttribute(
            String entity,
            String attribute,
            String dataType,
            String systemOfRecord,
            boolean mandatory,
            Instant definedSince) {}

    /** The sort key of an attribute as cursor parts: (entity name, attribute name), unique. */
    public static List<String> sortKey(UnmappedAttribute attribute) {
        return List.of(attribute.entity(), attribute.attribute());
    }

    /** The unmapped attributes after the request's cursor, at most {@code size + 1}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnmappedAttribute> page(PageRequest request) {
        StringBuilder sql = new StringBuilder("""
                select e.name as entity, a.name, a.data_type, a.system_of_record, a.mandatory,
                       (select min(r.changed_at) from canonical_entity_revision r
                        where r.entity_id = e.id and %s
                          and r.revision > coalesce((select max(r2.revision) from canonical_entity_revision r2
                                                     where r2.entity_id = e.id and not (%s)), 0)) as since
                from canonical_attribute a
                join canonical_entity e on e.id = a.entity_id
                where not exists (select 1 from catalog_current_column c
                                  where c.canonical_attribute = e.name || '.' || a.name
                                    and c.product_status in ('published', 'deprecated'))
                """.formatted(IN_SNAPSHOT.formatted("r"), IN_SNAPSHOT.formatted("r2")));
        if (!request.first()) {
            sql.append(" and (e.name > :afterEntity or (e.name = :afterEntity and a.name > :afterAttribute))");
        }
        sql.append(" order by e.name, a.name limit :limit");
        Query query = em.createNativeQuery(sql.toString());
        if (!request.first()) {
            query.setParameter("afterEntity", request.after(0)).setParameter("afterAttribute", request.after(1));
        }
        query.setParameter("limit", request.limitWithLookahead());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new UnmappedAttribute(
                        (String) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4], toInstant(r[5])))
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
