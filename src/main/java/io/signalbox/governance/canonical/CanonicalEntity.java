package io.signalbox.governance.canonical;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A canonical entity of the common information model (Service, Customer, Product, Order): the core every domain
 * shares, kept by the council. Domains extend it with attributes of their own; they never redefine it.
 */
@Entity
@Table(name = "canonical_entity")
public class CanonicalEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String description;
    public String identifierAttribute;
    public String identifierFormat;
    public String identifierExample;
    public String lifecycleAttribute;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> lifecycleVocabulary = new ArrayList<>();

    public int revision;
    public Instant updatedAt;
    public String updatedBy;

    @Version
    public int lockVersion;

    @OneToMany(mappedBy = "entity", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<CanonicalAttribute> attributes = new ArrayList<>();

    public static List<CanonicalEntity> listByName() {
        return list("order by name");
    }

    public static Optional<CanonicalEntity> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    public Optional<CanonicalAttribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name.equals(attributeName)).findFirst();
    }

    public Pattern identifierPattern() {
        return Pattern.compile(identifierFormat);
    }
}
