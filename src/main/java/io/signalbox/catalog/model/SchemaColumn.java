package io.signalbox.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A column (an ODCS property) of one schema object in a product version. Kept as rows, not JSON, because
 * governance asks questions across products: which columns carry a canonical attribute, which are untagged.
 */
@Entity
@Immutable
@Table(name = "schema_column")
public class SchemaColumn extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ProductVersion version;

    public int position;
    public String objectName;
    public String name;
    public String logicalType;
    public String physicalType;
    public String description;
    public boolean required;
    public boolean primaryKey;
    public Classification classification;
    public boolean pii;
    public String accessNote;
    public String canonicalAttribute;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
}
