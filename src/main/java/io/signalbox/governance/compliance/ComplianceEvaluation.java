package io.signalbox.governance.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.signalbox.catalog.publishing.PublicationGate.Finding;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One judgement of a product against the rules; the latest is its standing, the series its trend. */
@Entity
@Immutable
@Table(name = "compliance_evaluation")
public class ComplianceEvaluation extends PanacheEntityBase {

    public static final String PASSING = "passing";
    public static final String WARNING = "warning";
    public static final String FAILING = "failing";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long productId;
    public Instant evaluatedAt;
    public int ruleSetVersion;
    public String status;
    public String trigger;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Finding> findings = new ArrayList<>();

    public static Optional<ComplianceEvaluation> latestOf(long productId) {
        return find("productId = ?1 order by id desc", productId).firstResultOptional();
    }
}
