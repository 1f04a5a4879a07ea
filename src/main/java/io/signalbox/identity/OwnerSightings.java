package io.signalbox.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Domain owners as Signalbox sees them signing in (table {@code identity_owner_sighting}, V22): a signed-in person who
 * owns domains is recorded for each of them, at most once a day (UTC), so that "who owns this domain now" can be
 * answered from the grants and from the people seen acting as its owners recently, also for ownership that comes
 * from the identity provider's groups, which Signalbox only learns from a person's token.
 *
 * <p>Two guards keep this from costing a write per request: a memory of who was recorded today with which domains
 * (per portal instance), and a conditional upsert that leaves a row seen since the start of the day untouched (across
 * instances). A failed write never fails the request; after one, sightings pause for a minute, so that a database
 * outage does not add a connection timeout to every request.
 */
@ApplicationScoped
public class OwnerSightings {

    private static final Logger LOG = Logger.getLogger(OwnerSightings.class);
    private static final int REMEMBERED = 10_000;
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(1);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    private record Seen(LocalDate day, Set<String> domains) {}

    private final Map<String, Seen> recordedToday = new ConcurrentHashMap<>();
    private volatile Instant pausedUntil = Instant.MIN;

    /**
     * What identity knows of one person as an owner of one domain.
     *
     * @param email lower case
     * @param granted whether a grant made in the portal names the person (by the email, or by the username they were
     *     last seen signing in with)
     * @param lastSeenAt when the person was last seen signing in as an owner of the domain; null when never
     */
    public record OwnerStanding(String domainKey, String email, boolean granted, Instant lastSeenAt) {

        /** A current owner: granted, or seen as an owner at or after {@code seenSince}. */
        public boolean isCurrentOwner(Instant seenSince) {
            return granted || (lastSeenAt != null && !lastSeenAt.isBefore(seenSince));
        }
    }

    /** A (domain, email) pair to ask about. */
    public record DomainOwner(String domainKey, String email) {}

    /**
     * Records that the signed-in {@code caller} was seen as an owner of each of their domains, unless done today;
     * never throws (a failure is logged and the request goes on).
     */
    public void sighted(Caller caller) {
        try {
            Instant now = clock.instant();
            if (now.isBefore(pausedUntil) || !caller.signedIn()) {
                return;
            }
            String email = caller.email().orElse(null);
            if (email == null) {
                return;
            }
            Set<String> domains = caller.ownedDomains();
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            Seen seen = recordedToday.get(email);
            if (domains.isEmpty()
                    || (seen != null
                            && seen.day().equals(today)
                            && seen.domains().containsAll(domains))) {
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> record(email, caller.name(), domains));
            if (recordedToday.size() >= REMEMBERED) {
                recordedToday.clear(); // a bound, not an eviction policy: forgetting costs one no-op upsert each
            }
            recordedToday.put(email, new Seen(today, Set.copyOf(domains)));
        } catch (RuntimeException e) {
            pausedUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
            LOG.warnf(
                    "Could not record an owner's sighting (sightings pause for %s): %s",
                    PAUSE_AFTER_FAILURE, e.getMessage());
        }
    }

    /**
     * Records {@code email} (signing in as {@code username}) as seen now as an owner of {@code domains}, in the
     * caller's transaction. A (person, domain) already seen since the start of today (UTC) is left as it is.
     *
     * @return how many rows were written (inserted or moved to now)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(String email, String username, Collection<String> domains) {
        if (domains.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant dayStart = now.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into identity_owner_sighting (email, domain_key, username, last_seen_at)
                    select ?, d, ?, ? from unnest(?::varchar[]) as d
                    on conflict (email, domain_key) do update
                        set last_seen_at = excluded.last_seen_at, username = excluded.username
                        where identity_owner_sighting.last_seen_at < ?
                    """)) {
                upsert.setString(1, email.toLowerCase(Locale.ROOT));
                upsert.setString(2, username);
                upsert.setObject(3, now.atOffset(ZoneOffset.UTC));
                upsert.setArray(4, connection.createArrayOf("varchar", domains.toArray(String[]::new)));
                upsert.setObject(5, dayStart.atOffset(ZoneOffset.UTC));
                return upsert.executeUpdate();
            }
        });
    }

    /**
     * What identity knows of each (domain, email): grant and last sighting, in one statement for the whole batch
     * (through the grants' unique (domain_key, username) index and the sightings' primary key). The answer has one
     * entry per distinct pair, in the order given.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<DomainOwner, OwnerStanding> standings(Collection<DomainOwner> owners) {
        Map<DomainOwner, OwnerStanding> answer = new LinkedHashMap<>();
        if (owners.isEmpty()) {
            return answer;
        }
        List<DomainOwner> asked = owners.stream()
                .map(o -> new DomainOwner(o.domainKey(), o.email().toLowerCase(Locale.ROOT)))
                .distinct()
                .toList();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select c.domain_key, c.email,
                           exists (select 1 from domain_owner_grant g
                                   where g.domain_key = c.domain_key
                                     and (lower(g.username) = c.email
                                          or lower(g.username) in (select lower(s.username)
                                                                   from identity_owner_sighting s
                                                                   where s.email = c.email))) as granted,
                           (select s.last_seen_at from identity_owner_sighting s
                            where s.email = c.email and s.domain_key = c.domain_key) as last_seen
                    from unnest(?::varchar[], ?::varchar[]) as c(domain_key, email)
                    """)) {
                select.setArray(
                        1,
                        connection.createArrayOf(
                                "varchar",
                                asked.stream().map(DomainOwner::domainKey).toArray(String[]::new)));
                select.setArray(
                        2,
                        connection.createArrayOf(
                                "varchar",
                                asked.stream().map(DomainOwner::email).toArray(String[]::new)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Timestamp seen = rows.getTimestamp(4);
                        OwnerStanding standing = new OwnerStanding(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getBoolean(3),
                                seen == null ? null : seen.toInstant());
                        answer.put(new DomainOwner(standing.domainKey(), standing.email()), standing);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the domains' owners", e);
            }
            return answer;
        });
    }
}
