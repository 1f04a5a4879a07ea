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

    public static List<GlossaryTerm> ofDomain(long domainId) {
        return list("domainId = ?1 order by lower(term)", domainId);
    }

    public static Optional<GlossaryTerm> find(long domainId, String term) {
        return find("domainId = ?1 and lower(term) = lower(?2)", domainId, term).firstResultOptional();
    }

    /** Terms of every domain that correspond to an entity or one of its attributes. */
    public static List<GlossaryTerm> linkedTo(String entity) {
        return list("canonical = ?1 or canonical like ?2 order by lower(term)", entity, entity + ".%");
    }
}
