package io.signalbox.catalog.lifecycle;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Deprecation notices for the catalog's tests, written as the deprecation feature writes them: a row in
 * {@code deprecation_notice} (V18) and the product's status moved through {@link ProductLifecycle}, in one
 * transaction. Tests of the catalog's side (the gate, the banner, the headers, search) need a notice without depending
 * on how the deprecation feature issues one.
 */
public final class Notices {

    private Notices() {}

    /** A notice being written: what it covers and says. */
    public static final class Draft {
        private final String productKey;
        private Integer major;
        private LocalDate sunset;
        private Instant issuedAt;
        private String reason = "Replaced by a better product.";
        private String successorKey;
        private String successorVersion;
        private String noSuccessorReason = "The data is no longer collected.";
        private String migrationGuide = "";

        private Draft(String productKey) {
            this.productKey = productKey;
        }

        /** Covers major line {@code major} only (the whole product by default). */
        public Draft line(int major) {
            this.major = major;
            return this;
        }

        public Draft sunset(LocalDate sunset) {
            this.sunset = sunset;
            return this;
        }

        public Draft issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Draft reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** The product to use instead, at its current version ({@code version} null) or a named one. */
        public Draft successor(String key, String version) {
            this.successorKey = key;
            this.successorVersion = version;
            this.noSuccessorReason = null;
            return this;
        }

        public Draft noSuccessor(String reason) {
            this.successorKey = null;
            this.successorVersion = null;
            this.noSuccessorReason = reason;
            return this;
        }

        public Draft migrationGuide(String markdown) {
            this.migrationGuide = markdown;
            return this;
        }

        /**
         * Writes the notice as active and marks the product deprecated (when it covers the current line); the sunset
         * defaults to 91 days after today on the portal's clock. Returns the notice's id.
         */
        public long issue() {
            Clock clock = Arc.container().instance(Clock.class).get();
            Instant issued = issuedAt != null ? issuedAt : clock.instant();
            LocalDate day = sunset != null
                    ? sunset
                    : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(91);
            return QuarkusTransaction.requiringNew().call(() -> {
                EntityManager em = Arc.container().instance(EntityManager.class).get();
                long id = ((Number) em.createNativeQuery("select nextval('deprecation_notice_id_seq')")
                                .getSingleResult())
                        .longValue();
                em.createNativeQuery("insert into deprecation_notice (id, product_key, domain_key, major_version,"
                                + " state, reason, successor_key, successor_version, no_successor_reason,"
                                + " migration_guide, sunset, sunset_at, issued_at, issued_by) values (:id, :key,"
                                + " :domain, :major, 'active', :reason, :successor, :successorVersion, :noSuccessor,"
                                + " :guide, :sunset, :sunsetAt, :issuedAt, 'test-owner')")
                        // Typed binding: a null needs its SQL type, which PostgreSQL cannot guess.
                        .unwrap(NativeQuery.class)
                        .setParameter("major", major, StandardBasicTypes.INTEGER)
                        .setParameter("successor", successorKey, StandardBasicTypes.STRING)
                        .setParameter("successorVersion", successorVersion, StandardBasicTypes.STRING)
                        .setParameter("noSuccessor", noSuccessorReason, StandardBasicTypes.STRING)
                        .setParameter("id", id)
                        .setParameter("key", productKey)
                        .setParameter("domain", productKey.substring(0, productKey.indexOf('.')))
                        .setParameter("reason", reason)
                        .setParameter("guide", migrationGuide)
                        .setParameter("sunset", day)
                        .setParameter(
                                "sunsetAt", day.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                        .setParameter("issuedAt", issued.atOffset(ZoneOffset.UTC))
                        .executeUpdate();
                Arc.container().instance(ProductLifecycle.class).get().deprecate(productKey, major, "test-owner");
                return id;
            });
        }
    }

    /** A notice for product {@code productKey}, to be completed and issued. */
    public static Draft forProduct(String productKey) {
        return new Draft(productKey);
    }

    /** Retires notice {@code id} as its sunset would, and the product (or its current line) with it. */
    public static void retire(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            Object[] row = (Object[])
                    em.createNativeQuery("select product_key, major_version from deprecation_notice where id = :id")
                            .setParameter("id", id)
                            .getSingleResult();
            em.createNativeQuery("update deprecation_notice set state = 'retired', retired_at = now() where id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            Integer major = row[1] == null ? null : ((Number) row[1]).intValue();
            Arc.container().instance(ProductLifecycle.class).get().retire((String) row[0], major, "test-owner");
        });
    }

    /** Rescinds notice {@code id}, leaving the product's status as it is (tests that need it reinstate it). */
    public static void rescind(long id) {
        QuarkusTransaction.requiringNew()
                .run(() -> Arc.container()
                        .instance(EntityManager.class)
                        .get()
                        .createNativeQuery("update deprecation_notice set state = 'rescinded' where id = :id")
                        .setParameter("id", id)
                        .executeUpdate());
    }
}
