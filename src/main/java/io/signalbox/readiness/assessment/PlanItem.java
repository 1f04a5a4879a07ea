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
 * One capability-building plan item (table {@code readiness_plan_item}): what will be done for a criterion, by whom,
 * by when (within 180 days of submission), tracked to done. Every red criterion needs at least one.
 */
@Entity
@Table(name = "readiness_plan_item")
public class PlanItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long assessmentId;
    /** {@code readiness.Criterion} key. */
    public String criterion;

    public int position;
    public String action;
    public String owner;
    public LocalDate targetDate;
    public Instant doneAt;
    public String doneBy;
}
