package io.signalbox.governance.glossary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A word a domain uses in its own sense ("circuit" to network, "line" to billing), with what it means there and, where
 * there is one, the canonical entity or attribute it corresponds to.
 */
@Entity
@Table(name = "glossary_term")
public class GlossaryTerm extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long domainId;
    public String term;
    public String definition;
    public String canonical;
    public Instant updatedAt;
    public String updatedBy;

    @Version
    public int lockVersion;

    /**
     * A domain's terms after {@code afterTerm} (empty for the first), alphabetically by lower-cased term, which is
     * unique in a domain (index glossary_term_domain_term_idx serves the order), at most {@code limit}. Both sides are
     * lower-cased by PostgreSQL, so the cursor compares exactly as the order sorts.
     */
    public static List<GlossaryTerm> ofDomain(long domainId, String afterTerm, int limit) {
        return find("domainId = ?1 and lower(term) > lower(?2) order by lower(term)", domainId, afterTerm)
                .range(0, limit - 1)
                .list();
    }

    /** How many terms a domain defines. */
    public static long countOfDomain(long domainId) {
        return count("domainId", domainId);
    }

    public static Optional<GlossaryTerm> find(long domainId, String term) {
        return find("domainId = ?1 and lower(term) = lower(?2)", domainId, term).firstResultOptional();
    }

    /** The first {@code limit} terms of every domain that correspond to an entity or one of its attributes. */
    public static List<GlossaryTerm> linkedTo(String entity, int limit) {
        return find("canonical = ?1 or canonical like ?2 order by lower(term), id", entity, entity + ".%")
                .range(0, limit - 1)
                .list();
    }
}
