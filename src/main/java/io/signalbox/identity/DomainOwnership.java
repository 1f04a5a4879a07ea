package io.signalbox.identity;

import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
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

    /** Grants on a page when the client names no size. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** The most grants one page may hold. */
    public static final int MAX_PAGE_SIZE = 200;

    /** One person's grant of ownership of a domain, as lists show it. */
    public record Grant(String domain, String username, String grantedBy, Instant grantedAt) {}

    /** The sort key of a grant as cursor parts: its username, unique within the domain. */
    public static List<String> sortKey(Grant grant) {
        return List.of(grant.username());
    }

    /**
     * The grants of a domain by username, after the request's cursor: at most {@code size + 1}, the last telling
     * {@link io.signalbox.web.Paging#page} that a next page exists. Read through the unique (domain_key, username)
     * index, so a page costs the same however many people own the domain.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Grant> grantsOf(String domainKey, PageRequest request) {
        var query = request.first()
                ? DomainOwnerGrant.<DomainOwnerGrant>find("domainKey = ?1 order by username", domainKey)
                : DomainOwnerGrant.<DomainOwnerGrant>find(
                        "domainKey = ?1 and username > ?2 order by username", domainKey, request.after(0));
        return query.range(0, request.limitWithLookahead() - 1).stream()
                .map(g -> new Grant(domainKey, g.username, g.grantedBy, g.grantedAt))
                .toList();
    }

    /**
     * The first {@value #MAX_PAGE_SIZE} grants of a domain by username, for answers that show the grants beside a
     * change. Bounded (issue 12) rather than paged: callers that list grants for their own sake page them with
     * {@link #grantsOf(String, PageRequest)}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Grant> grantsOf(String domainKey) {
        List<Grant> grants = grantsOf(domainKey, Paging.request(null, MAX_PAGE_SIZE, MAX_PAGE_SIZE, MAX_PAGE_SIZE, 1));
        return grants.size() > MAX_PAGE_SIZE ? grants.subList(0, MAX_PAGE_SIZE) : grants;
    }

    /** How many people hold a grant for the domain (an index-only count over the domain's grants). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long grantCount(String domainKey) {
        return DomainOwnerGrant.count("domainKey", domainKey);
    }

    /** Whether the person holds a grant for the domain, whatever the case of their username. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean holds(String domainKey, String username) {
        return DomainOwnerGrant.count("domainKey = ?1 and lower(username) = lower(?2)", domainKey, username) > 0;
    }

    /** Returns false when the person already held the grant. */
    @Transactional
    public boolean grant(String domainKey, String username, String grantedBy) {
        domains.nameOf(domainKey);
        refuseUnlessValid(username);
        if (holds(domainKey, username)) {
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
