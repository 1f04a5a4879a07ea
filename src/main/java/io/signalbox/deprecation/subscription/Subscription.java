package io.signalbox.deprecation.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person's subscription to the deprecation notices of one product or of a whole domain, with the channels they
 * chose: email, the portal's inbox, a webhook (signed with {@code webhookSecret}, HMAC-SHA256). One per person and
 * scope.
 */
@Entity
@Table(name = "deprecation_subscription")
public class Subscription extends PanacheEntityBase {

    public static final String PRODUCT = "product";
    public static final String DOMAIN = "domain";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;
    public String address;
    public String scope;
    public String scopeKey;
    public boolean byEmail;
    public boolean byInbox;
    public String webhookUrl;
    public String webhookSecret;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public int lockVersion;
}
