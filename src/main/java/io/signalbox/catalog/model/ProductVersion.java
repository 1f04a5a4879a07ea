package io.signalbox.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.signalbox.catalog.model.ProductParts.DeclaredConsumer;
import io.signalbox.catalog.model.ProductParts.InputPort;
import io.signalbox.catalog.model.ProductParts.LifecycleMapping;
import io.signalbox.catalog.model.ProductParts.OutputPort;
import io.signalbox.catalog.model.ProductParts.SlaProperty;
import io.signalbox.catalog.model.ProductParts.SupportChannel;
import io.signalbox.catalog.model.ProductParts.TeamMember;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published version of a data product, with its schema. Never changed once written. */
@Entity
@Immutable
@Table(name = "product_version")
public class ProductVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public DataProduct product;

    public String version;
    public int major;
    public int minor;
    public int patch;

    public String title;
    public String purpose;
    public String limitations;
    public String usage;
    public LifecycleStatus declaredStatus;
    public Classification classification;
    public String ownerName;
    public String ownerEmail;
    public String teamName;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<TeamMember> team = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<SupportChannel> support = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<OutputPort> outputPorts = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<InputPort> inputPorts = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<DeclaredConsumer> consumers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<LifecycleMapping> lifecycleMapping = new ArrayList<>();

    public String slaFreshness;
    public String slaAvailability;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<SlaProperty> sla = new ArrayList<>();

    public String changelog;
    public String contentHash;

    /** The version of the council's rule set this version was evaluated against when it was published. */
    public Integer ruleSetVersion;

    public String descriptor;
    public String descriptorFormat;
    public Instant publishedAt;
    public String publishedBy;

    @OneToMany(mappedBy = "version", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<SchemaColumn> columns = new ArrayList<>();

    public SemanticVersion semanticVersion() {
        return SemanticVersion.parse(version).orElseThrow();
    }

    public static Optional<ProductVersion> find(DataProduct product, String version) {
        return find("product = ?1 and version = ?2", product, version).firstResultOptional();
    }

    /** The version numbers published for a product, without loading the versions themselves. */
    public static List<SemanticVersion> numbersOf(DataProduct product) {
        return getEntityManager()
                .createQuery("select v.version from ProductVersion v where v.product = :product", String.class)
                .setParameter("product", product)
                .getResultStream()
                .map(text -> SemanticVersion.parse(text).orElseThrow())
                .toList();
    }
}
