package io.signalbox.governance.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The rules as they stood after one change by the council; every evaluation names the version it applied. */
@Entity
@Immutable
@Table(name = "rule_set_version")
public class RuleSetVersion extends PanacheEntityBase {

    @Id
    public int version;

    public Instant createdAt;
    public String createdBy;
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> rules;

    public static int latest() {
        Integer latest = getEntityManager()
                .createQuery("select max(v.version) from RuleSetVersion v", Integer.class)
                .getSingleResult();
        return latest == null ? 0 : latest;
    }
}
