package io.signalbox.governance.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.signalbox.catalog.publishing.PublicationGate.Finding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;

/** A warning a product version was published with, as the gate found it. */
@Entity
@Immutable
@Table(name = "governance_finding")
public class PublicationWarning extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id")
    public Long versionId;

    public String ruleId;
    public String severity;
    public String field;
    public String problem;
    public String fix;

    public static List<PublicationWarning> ofVersion(long versionId) {
        return list("versionId = ?1 order by id", versionId);
    }

    /** The warnings a version was published with, told in the words of the rules they come from. */
    static List<Finding> findingsOf(long versionId, Map<String, GovernanceRule> rulesById) {
        return ofVersion(versionId).stream()
                .map(f -> {
                    GovernanceRule rule = rulesById.get(f.ruleId);
                    return new Finding(f.ruleId, rule.category, rule.statement, f.severity, f.field, f.problem, f.fix);
                })
                .toList();
    }
}
