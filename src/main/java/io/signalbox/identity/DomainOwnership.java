package io.signalbox.identity;

import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Ownership of domains granted in the portal by admins; every grant and revocation is audited. */
@ApplicationScoped
public class DomainOwnership {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,320}");

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DomainDirectory domains;

    public record Grant(String domain, String username, String grantedBy, Instant grantedAt) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Grant> grantsOf(String domainKey) {
        return DomainOwnerGrant.<DomainOwnerGrant>list("domainKey = ?1 order by username", domainKey).stream()
                .map(g -> new Grant(domainKey, g.username, g.grantedBy, g.grantedAt))
                .toList();
    }

    /** Returns false when the person already held the grant. */
    @Transactional
    public boolean grant(String domainKey, String username, String grantedBy) {
        domains.nameOf(domainKey);
        refuseUnlessValid(username);
        if (DomainOwnerGrant.count("domainKey = ?1 and lower(username) = lower(?2)", domainKey, username) > 0) {
            return false;
        }
        DomainOwnerGrant grant = new DomainOwnerGrant();
        grant.domainKey = domainKey;
        grant.username = username;
        grant.grantedBy = grantedBy;
        grant.grantedAt = clock.instant();
        ConcurrentWrites.writeOrConflict(
                grant::persist,
                username + " was granted ownership of " + domainKey + " by someone else at the same time",
                "username");
        audit.record(new AuditLog.Change(
                grantedBy, "ownership.granted", "domain", domainKey, domainKey, null, username + " owns " + domainKey));
        return true;
    }

    @Transactional
    public void revoke(String domainKey, String username, String revokedBy) {
        domains.nameOf(domainKey);
        long removed = DomainOwnerGrant.delete("domainKey = ?1 and lower(username) = lower(?2)", domainKey, username);
        if (removed == 0) {
            throw Refusal.notFound(username + " holds no ownership grant for domain '" + domainKey
                    + "'. Ownership that comes from the identity provider's groups is changed there.");
        }
        audit.record(new AuditLog.Change(
                revokedBy, "ownership.revoked", "domain", domainKey, domainKey, username + " owns " + domainKey, null));
    }

    private static void refuseUnlessValid(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw Refusal.invalid(
                    "The grant is not valid",
                    List.of(new FieldProblem(
                            "username",
                            "must be the person's username or e-mail address as the identity provider knows it")));
        }
    }
}
