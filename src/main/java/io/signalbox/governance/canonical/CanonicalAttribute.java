package io.signalbox.governance.canonical;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One core attribute of a canonical entity, with the domain whose data is the truth for it. */
@Entity
@Table(name = "canonical_attribute")
public class CanonicalAttribute extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entity_id")
    public CanonicalEntity entity;

    public int position;
    public String name;
    public String dataType;
    public String meaning;
    public String systemOfRecord;
    public boolean mandatory;
}
