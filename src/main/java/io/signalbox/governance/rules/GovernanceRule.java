package io.signalbox.governance.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rule as the council states it: a constraint in plain language, how strictly it is enforced, and its parameters.
 * The check itself is code ({@link RuleCheck}); the council changes severity and parameters, not the check.
 */
@Entity
@Table(name = "governance_rule")
public class GovernanceRule extends PanacheEntityBase {

    public static final String BLOCKING = "blocking";
    public static final String WARNING = "warning";

    @Id
    public String id;

    public int position;
    public String category;
    public String statement;
    public String severity;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> parameters = new LinkedHashMap<>();

    /** "publication" (the gate) or "measurement" (continuous compliance). */
    public String enforcedAt;

    public Instant updatedAt;
    public String updatedBy;

    @Version
    public int lockVersion;

    public static List<GovernanceRule> listInOrder() {
        return list("order by position");
    }

    public boolean blocking() {
        return BLOCKING.equals(severity);
    }
}
