package io.signalbox.governance.canonical;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a canonical entity: who changed it, under which decision, and how it stood afterwards. */
@Entity
@Immutable
@Table(name = "canonical_entity_revision")
public class CanonicalEntityRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long entityId;
    public int revision;
    public Instant changedAt;
    public String changedBy;
    public Long decisionId;
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> snapshot;

    /** The entity's {@code limit} latest, newest first. */
    public static List<CanonicalEntityRevision> latestOfEntity(long entityId, int limit) {
        return find("entityId = ?1 order by revision desc", entityId)
                .range(0, limit - 1)
                .list();
    }
}
