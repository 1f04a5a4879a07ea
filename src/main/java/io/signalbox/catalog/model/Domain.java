package io.signalbox.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.signalbox.web.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A business domain that owns data products: its bounded context and the people accountable for it. */
@Entity
@Table(name = "domain")
public class Domain extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String key;
    public String name;
    public String description;
    public String businessOwner;
    public String technicalContact;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public int lockVersion;

    public static Optional<Domain> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    /** The domain with this key, or a 404 problem saying none is registered. */
    public static Domain existing(String key) {
        return findByKey(key).orElseThrow(() -> Refusal.notFound("No domain '" + key + "' is registered."));
    }

    public static List<Domain> listByKey() {
        return list("order by key");
    }
}
