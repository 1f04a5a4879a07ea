package io.signalbox.governance.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a product's own pipeline reported about its data: completeness per canonical attribute, last refresh. */
@Entity
@Immutable
@Table(name = "product_measurement")
public class ProductMeasurement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long productId;
    public Long versionId;
    public Instant measuredAt;
    public Instant receivedAt;
    public String reportedBy;
    public Instant lastRefreshedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> completeness = new LinkedHashMap<>();

    public static Optional<ProductMeasurement> latestOf(long productId) {
        return find("productId = ?1 order by id desc", productId).firstResultOptional();
    }
}
