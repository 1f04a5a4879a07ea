package io.signalbox.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One readiness assessment of a domain (table {@code readiness_assessment}, V19): a draft the domain's owners (or the
 * council) save as often as they like, then submit once. A submitted assessment is immutable and dated; the database
 * refuses any change to it or its answers and plan items (trigger), except tracking a plan item to done.
 */
@Entity
@Table(name = "readiness_assessment")
public class Assessment extends PanacheEntityBase {

    public static final String DRAFT = "draft", SUBMITTED = "submitted";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String domainKey;
    public int questionnaireVersion;
    /** {@link #DRAFT} or {@link #SUBMITTED}. */
    public String state;
    /** The submission this draft started from, if any. */
    public Long startedFrom;

    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;
    public Instant submittedAt;
    public String submittedBy;
    /** {@code readiness.Verdict} key, fixed at submission. */
    public String verdict;
    /** Some self-score was two levels better than its evidence at submission. */
    public boolean diverges;

    @Version
    public int lockVersion;

    public boolean submitted() {
        return SUBMITTED.equals(state);
    }
}
