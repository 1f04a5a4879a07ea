package io.signalbox.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A domain's answer to one criterion in one assessment (table {@code readiness_answer}): its self-score, the
 * justification (required for amber and red), and the catalog's evidence as it was when the answer was saved.
 */
@Entity
@Table(name = "readiness_answer")
public class Answer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long assessmentId;
    /** {@code readiness.Criterion} key. */
    public String criterion;
    /** {@code readiness.Score} key, or null while the draft leaves it unanswered. */
    public String score;

    public String justification;
    /** {@code readiness.Score} key of the evidence's level, or null when there was no evidence to judge. */
    public String evidenceLevel;

    /** The evidence's facts when saved: name → value, as {@code readiness.evidence} computed them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;
}
