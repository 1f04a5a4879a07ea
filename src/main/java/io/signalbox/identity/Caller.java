package io.signalbox.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and what they may do. Roles: every signed-in person reads; {@code council} and {@code admin} come
 * from the provider's realm roles; a domain is owned through the provider's group {@code /domains/<key>/owners} or a
 * grant made in the portal by an admin.
 */
@RequestScoped
public class Caller {

    public static final String COUNCIL = "council";
    public static final String ADMIN = "admin";
    private static final Pattern OWNER_GROUP = Pattern.compile("/domains/([a-z][a-z0-9-]{1,39})/owners");

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    private Set<String> ownedDomains;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The name recorded in the audit trail: the provider's preferred username. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The caller's email address as the identity provider states it (OIDC standard claim {@code email}), lower-cased;
     * empty for anonymous callers and for tokens without the claim. Notices are addressed by email, so this is how a
     * person's inbox and subscriptions find them.
     */
    public Optional<String> email() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        String email = token.getClaim("email");
        return email == null || email.isBlank()
                ? Optional.empty()
                : Optional.of(email.strip().toLowerCase(Locale.ROOT));
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean isCouncil() {
        return identity.hasRole(COUNCIL);
    }

    public boolean owns(String domainKey) {
        return ownedDomains().contains(domainKey);
    }

    /** Domains owned through the provider's groups and through grants made in the portal. */
    public Set<String> ownedDomains() {
        if (ownedDomains == null) {
            Set<String> owned = new TreeSet<>();
            for (String role : identity.getRoles()) {
                Matcher group = OWNER_GROUP.matcher(role);
                if (group.matches()) {
                    owned.add(group.group(1));
                }
            }
            if (signedIn()) {
                owned.addAll(em.createQuery(
                                "select g.domainKey from DomainOwnerGrant g where lower(g.username) = lower(:name)",
                                String.class)
                        .setParameter("name", name())
                        .getResultList());
            }
            ownedDomains = Collections.unmodifiableSet(owned);
        }
        return ownedDomains;
    }

    public void refuseUnlessOwnerOf(String domainKey, String action) {
        if (!owns(domainKey)) {
            throw Refusal.forbidden("Only owners of domain '" + domainKey + "' may " + action + ". "
                    + (ownedDomains().isEmpty() ? "You own no domain" : "You own " + String.join(", ", ownedDomains()))
                    + "; ask a Signalbox admin to grant you ownership if you should have it.");
        }
    }

    public void refuseUnlessCouncil(String action) {
        if (!isCouncil()) {
            throw Refusal.forbidden("Only members of the governance council may " + action + ".");
        }
    }

    public void refuseUnlessAdmin(String action) {
        if (!isAdmin()) {
            throw Refusal.forbidden("Only Signalbox admins may " + action + ".");
        }
    }
}
