package io.signalbox.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.signalbox.catalog.model.Domain;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** Ownership of a domain granted to a person in the portal by an admin. */
@Entity
@Table(name = "domain_owner_grant")
public class DomainOwnerGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    public Domain domain;

    public String username;
    public String grantedBy;
    public Instant grantedAt;
}
