package io.signalbox.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The council's waiver of one red criterion of a submitted assessment (table {@code readiness_waiver}): with a reason
 * and an expiry date; until that date (inclusive, UTC) the red counts as amber in the verdict.
 */
@Entity
@Table(name = "readiness_waiver")
public class Waiver extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long assessmentId;
    /** {@code readiness.Criterion} key. */
    public String criterion;

    public String reason;
    public LocalDate expiresOn;
    public Instant waivedAt;
    public String waivedBy;
}
