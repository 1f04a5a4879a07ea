package io.signalbox.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of the council's readiness questionnaire (table {@code readiness_questionnaire}): the six criteria of
 * the article's Step 3, each with its guiding question. Versions are never changed, only added; each assessment
 * records the version it answered.
 */
@Entity
@Table(name = "readiness_questionnaire")
public class Questionnaire extends PanacheEntityBase {

    /** One criterion as this version words it. */
    public record Question(String criterion, String title, String question) {}

    @Id
    public Integer version;

    public Instant createdAt;
    public String createdBy;
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Question> criteria;

    /** The newest version: the one new drafts answer. */
    public static Questionnaire current() {
        return find("order by version desc").firstResult();
    }
}
