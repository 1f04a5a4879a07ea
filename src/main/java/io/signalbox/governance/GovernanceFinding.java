package io.signalbox.governance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** A warning a product version was published with, as the gate found it. */
@Entity
@Immutable
@Table(name = "governance_finding")
public class GovernanceFinding extends PanacheEntityBase {

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

    public static List<GovernanceFinding> ofVersion(long versionId) {
        return list("versionId = ?1 order by id", versionId);
    }
}
