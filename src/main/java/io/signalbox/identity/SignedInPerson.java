package io.signalbox.identity;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The person the page header greets, as {@code inject:person} in templates. Error pages are also rendered where no
 * request context exists; there the header simply shows no one.
 */
@ApplicationScoped
@Named("person")
public class SignedInPerson {

    @Inject
    CurrentIdentityAssociation identities;

    public String name() {
        try {
            SecurityIdentity identity = identities.getIdentity();
            return identity == null || identity.isAnonymous()
                    ? null
                    : identity.getPrincipal().getName();
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null;
        }
    }
}
