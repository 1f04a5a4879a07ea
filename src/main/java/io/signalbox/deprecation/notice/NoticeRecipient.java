package io.signalbox.deprecation.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person (or declared team) a notice reaches, and whether they acknowledged it and migrated. Kinds: {@code owner}
 * (the product's owner, who gets digests and failures), {@code declared-consumer} (from the descriptor's consumers),
 * {@code downstream-owner} (owner of a product declaring this one as an input port), {@code subscriber}. One row per
 * address and notice; a declared consumer whose contact is not an email address has no address and cannot be reached.
 */
@Entity
@Table(name = "deprecation_recipient")
public class NoticeRecipient extends PanacheEntityBase {

    public static final String OWNER = "owner";
    public static final String DECLARED_CONSUMER = "declared-consumer";
    public static final String DOWNSTREAM_OWNER = "downstream-owner";
    public static final String SUBSCRIBER = "subscriber";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long noticeId;
    public String address;
    public String displayName;
    public String kind;
    public Long subscriptionId;
    public Instant joinedAt;
    public Instant acknowledgedAt;
    public String acknowledgedBy;
    public String acknowledgedVia;
    public Instant migratedAt;
}
