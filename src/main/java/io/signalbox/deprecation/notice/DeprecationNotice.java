package io.signalbox.deprecation.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A deprecation notice: a product (or one major line of it) stops at its sunset, with at least the council's minimum
 * notice (90 days or more). States: {@code active} from issue, {@code retired} once the sunset passed,
 * {@code rescinded} when its owner withdrew it. The lock version makes concurrent extensions collide (409).
 */
@Entity
@Table(name = "deprecation_notice")
public class DeprecationNotice extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
    public static final String RESCINDED = "rescinded";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String productKey;
    public String domainKey;
    /** Null for the whole product. */
    public Integer majorVersion;

    public String state;
    public String reason;
    public String successorKey;
    public String successorVersion;
    public String noSuccessorReason;
    public String migrationGuide;
    public LocalDate sunset;
    public Instant sunsetAt;
    public Instant issuedAt;
    public String issuedBy;
    public Instant extendedAt;
    public Instant rescindedAt;
    public String rescindedBy;
    public String rescindReason;
    public Instant retiredAt;
    public int recipientCount;

    @Version
    public int lockVersion;

    /** The open (active) notice of a product line; {@code major} null for the whole product. */
    public static Optional<DeprecationNotice> active(String productKey, Integer major) {
        return major == null
                ? find("productKey = ?1 and majorVersion is null and state = ?2", productKey, ACTIVE)
                        .firstResultOptional()
                : find("productKey = ?1 and majorVersion = ?2 and state = ?3", productKey, major, ACTIVE)
                        .firstResultOptional();
    }

    /** "the whole product" or "major line 2", for sentences. */
    public String scopeLabel() {
        return majorVersion == null ? "the whole product" : "major line " + majorVersion;
    }

    public boolean isActive() {
        return ACTIVE.equals(state);
    }
}
