package io.signalbox.catalog.publishing;

import io.signalbox.catalog.model.Domain;
import io.signalbox.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may publish: the owners of the product's domain (through the identity provider's group or a grant made in the
 * portal). The one rule the API and the publish page both ask; reading and checking descriptors is open to everyone
 * signed in.
 */
@ApplicationScoped
public class PublishingRights {

    @Inject
    Caller caller;

    /** Whether the signed-in person may publish in {@code domainKey}. */
    public boolean mayPublish(String domainKey) {
        return caller.owns(domainKey);
    }

    /**
     * Refuses a person who does not own {@code domainKey}. A domain that is not registered has no owners; that is
     * left to the publication itself, which refuses it as invalid and names the registered domains.
     *
     * @throws io.signalbox.web.Refusal.Forbidden naming the domains the person does own
     */
    public void refuseUnlessMayPublish(String domainKey) {
        if (!mayPublish(domainKey) && Domain.findByKey(domainKey).isPresent()) {
            caller.refuseUnlessOwnerOf(domainKey, "publish its data products");
        }
    }
}
