package io.signalbox.readiness.onboarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One onboarding decision of the council for a domain (table {@code readiness_onboarding_decision}, V19): rows are
 * only added, and the newest one is the domain's decision, so the history stays as it was decided.
 */
@Entity
@Table(name = "readiness_onboarding_decision")
public class OnboardingDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String domainKey;
    /** {@link Decision} key. */
    public String decision;

    public String reason;
    public LocalDate decidedOn;
    public Instant decidedAt;
    public String decidedBy;
    /** The domain's latest submitted assessment when the council decided; null when there was none. */
    public Long assessmentId;
}
