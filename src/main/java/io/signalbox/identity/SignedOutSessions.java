package io.signalbox.identity;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The register of signed-out sessions, in PostgreSQL so that every replica refuses them (table
 * {@code signed_out_session}, migration V11). A sign-out is recorded when the person signs out here (RP-initiated
 * logout) and when the provider reports it (back-channel logout); from then on every token of that session issued up to
 * the sign-out is refused until the session would have expired anyway. Expired records are pruned whenever a sign-out is
 * recorded, so the table holds at most one session lifetime's sign-outs.
 */
@ApplicationScoped
public class SignedOutSessions {

    private static final Logger LOG = Logger.getLogger(SignedOutSessions.class);

    /**
     * One sign-out: the key of the session (or person) signed out, the {@code iat} up to which its tokens are refused,
     * and when the record may go.
     */
    public record SignOut(String sessionKey, Instant issuedUpTo, Instant refusedUntil) {

        SignOut mergedWith(SignOut other) {
            return new SignOut(
                    sessionKey, later(issuedUpTo, other.issuedUpTo), later(refusedUntil, other.refusedUntil));
        }

        boolean refuses(SessionToken token, Instant now) {
            return token.keys().contains(sessionKey)
                    && !token.issuedAt().isAfter(issuedUpTo)
                    && refusedUntil.isAfter(now);
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    /**
     * How long a session cookie can stay valid after its tokens were issued: the provider's ID token lifespan plus
     * {@code quarkus.oidc.authentication.session-age-extension}. A provider's back-channel sign-out does not say when
     * the session would have ended, so it is remembered this long.
     */
    @ConfigProperty(name = "signalbox.sign-out.longest-session", defaultValue = "12H")
    Duration longestSession;

    /** Quarkus keeps a session cookie this long beyond its ID token's expiry (its default is 5 minutes). */
    @ConfigProperty(name = "quarkus.oidc.authentication.session-age-extension", defaultValue = "5M")
    Duration sessionAgeExtension;

    /**
     * Sign-outs made on this replica that are not yet in PostgreSQL. Quarkus reports an RP-initiated logout on the
     * event loop, where the database must not be waited for, so the record is written on a worker thread; until it is,
     * this replica refuses the session from memory, so that a copied cookie replayed at once is refused too.
     */
    private final Map<String, SignOut> unsaved = new ConcurrentHashMap<>();

    /**
     * Records the sign-out of a session that signed out here (RP-initiated logout), from its ID token: refused until
     * the session's cookie expires. Does not wait for the database; callable on the event loop.
     */
    public void signedOutHere(SessionToken session) {
        SignOut signOut = new SignOut(
                session.sessionKey(), session.issuedAt(), session.expiresAt().plus(sessionAgeExtension));
        // A record merged with a second sign-out of the same session before either was written stays here until it
        // expires; those are dropped now, so that memory holds no more than one session lifetime's sign-outs.
        unsaved.values().removeIf(waiting -> !waiting.refusedUntil().isAfter(clock.instant()));
        unsaved.merge(signOut.sessionKey(), signOut, SignOut::mergedWith);
        vertx.executeBlocking(() -> {
                    record(signOut);
                    return null;
                })
                .onSuccess(done -> unsaved.remove(signOut.sessionKey(), signOut))
                .onFailure(e -> LOG.errorf(
                        e,
                        "Could not record a sign-out in PostgreSQL; this replica refuses the session until %s,"
                                + " other replicas may not",
                        signOut.refusedUntil()));
    }

    /**
     * Records a sign-out the provider reported (back-channel logout), from the verified logout token's claims: its
     * {@code sid} or, for a sign-out of every session of a person, its {@code sub}, and its {@code iat}.
     *
     * @param sid the session id, or null
     * @param subject the person, used when there is no sid
     * @param issuedAt the logout token's {@code iat}, or null (then now)
     */
    @Transactional
    public void signedOutByProvider(String sid, String subject, Instant issuedAt) {
        Instant now = clock.instant();
        String key = sid != null ? SessionToken.SID + sid : SessionToken.SUBJECT + subject;
        record(new SignOut(key, issuedAt == null ? now : issuedAt, now.plus(longestSession)));
    }

    /**
     * Whether this token belongs to a signed-out session. One indexed query; called for every signed-in request.
     *
     * @throws jakarta.persistence.PersistenceException when PostgreSQL cannot be asked (sign-outs made on this replica
     *     are still refused from memory before it is asked)
     */
    public boolean refuses(SessionToken token) {
        Instant now = clock.instant();
        for (SignOut signOut : unsaved.values()) {
            if (signOut.refuses(token, now)) {
                return true;
            }
        }
        return recorded(token, now);
    }

    @Transactional
    boolean recorded(SessionToken token, Instant now) {
        Number matches =
                (Number) em.createNativeQuery("select count(*) from signed_out_session where session_key in (:keys)"
                                + " and issued_up_to >= :issuedAt and refused_until > :now")
                        .setParameter("keys", token.keys())
                        .setParameter("issuedAt", token.issuedAt())
                        .setParameter("now", now)
                        .getSingleResult();
        return matches.longValue() > 0;
    }

    /** Adds a sign-out (keeping the later bounds when the session was already recorded) and prunes expired ones. */
    @Transactional
    void record(SignOut signOut) {
        Instant now = clock.instant();
        em.createNativeQuery("delete from signed_out_session where refused_until <= :now")
                .setParameter("now", now)
                .executeUpdate();
        em.createNativeQuery("insert into signed_out_session (session_key, issued_up_to, refused_until, signed_out_at)"
                        + " values (:key, :issuedUpTo, :refusedUntil, :now)"
                        + " on conflict (session_key) do update set"
                        + " issued_up_to = greatest(signed_out_session.issued_up_to, excluded.issued_up_to),"
                        + " refused_until = greatest(signed_out_session.refused_until, excluded.refused_until)")
                .setParameter("key", signOut.sessionKey())
                .setParameter("issuedUpTo", signOut.issuedUpTo())
                .setParameter("refusedUntil", signOut.refusedUntil())
                .setParameter("now", now)
                .executeUpdate();
    }
}
