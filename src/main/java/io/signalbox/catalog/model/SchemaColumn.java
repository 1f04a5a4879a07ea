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
 * governance asks questions across products: which columns carry a canonical attribute, which are untagged. A field
 * nested in a column is a column too, named by its path ({@code lines[].sku}), with the name of the column that
 * contains it and its depth below the top-level column.
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

    /** The name of the column that contains this one; null for a top-level column. */
    public String parentName;

    /** How many columns lie above this one: 0 at the top, 1 for {@code lines[].sku}. */
    public int depth;

    /** The column declared no classification and carries its container's. */
    public boolean classificationInherited;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
}
