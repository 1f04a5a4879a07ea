package io.signalbox.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Ownership of a domain granted to a person in the portal by an admin. */
@Entity
@Table(name = "domain_owner_grant")
public class DomainOwnerGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The domain's key, as every feature names domains. */
    public String domainKey;

    public String username;
    public String grantedBy;
    public Instant grantedAt;
}
