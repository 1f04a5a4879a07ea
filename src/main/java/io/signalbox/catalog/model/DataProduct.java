package io.signalbox.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A data product: its identity and lifecycle. What it contains lives in its immutable {@link ProductVersion}s; the
 * product points at the current one. The lock version makes concurrent publications of one product collide.
 */
@Entity
@Table(name = "data_product")
public class DataProduct extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String key;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    public Domain domain;

    public String slug;
    public String externalId;
    public LifecycleStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_version_id")
    public ProductVersion currentVersion;

    /** How the product stands against the council's rules (passing, warning, failing); null until first judged. */
    public String compliance;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public int lockVersion;

    public static Optional<DataProduct> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public static Optional<DataProduct> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }
}
