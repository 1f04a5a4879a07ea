package io.signalbox.deprecation.notice;

import io.signalbox.catalog.lifecycle.ProductFacts;
import io.signalbox.catalog.model.ProductParts.InputPort;
import io.signalbox.catalog.publishing.PublicationAccepted;
import io.signalbox.notification.AcknowledgementRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps active notices' recipients whole as the catalog changes, in the publication's own transaction: a later
 * version of a deprecated product that declares new consumers adds them; a product that starts reading a deprecated
 * one (an input port naming it) adds its owner. Also records acknowledgements made in the inbox.
 */
@ApplicationScoped
public class LateRecipients {

    @Inject
    Clock clock;

    @Inject
    Recipients recipients;

    @Inject
    NoticeService notices;

    void onPublication(@Observes PublicationAccepted accepted) {
        Instant now = clock.instant();
        String key = accepted.product().key;
        int major = accepted.version().major;
        for (DeprecationNotice notice : DeprecationNotice.<DeprecationNotice>list(
                "productKey = ?1 and state = ?2 and (majorVersion is null or majorVersion = ?3)",
                key,
                DeprecationNotice.ACTIVE,
                major)) {
            List<ProductFacts.Consumer> consumers = accepted.version().consumers.stream()
                    .map(c -> new ProductFacts.Consumer(c.team(), c.domain(), c.contact()))
                    .toList();
            recipients.addLate(notice, consumers, now);
        }
        for (InputPort port : accepted.version().inputPorts) {
            if (port.sourceProduct() == null || port.sourceProduct().equals(key)) {
                continue;
            }
            for (DeprecationNotice notice : DeprecationNotice.<DeprecationNotice>list(
                    "productKey = ?1 and state = ?2", port.sourceProduct(), DeprecationNotice.ACTIVE)) {
                recipients.addLateDownstream(
                        notice,
                        new ProductFacts.Downstream(
                                accepted.product().id,
                                key,
                                accepted.product().domain.key,
                                accepted.version().ownerName,
                                accepted.version().ownerEmail),
                        now);
            }
        }
    }

    void onInboxAcknowledgement(@Observes AcknowledgementRequested request) {
        if (Recipients.TOPIC.equals(request.topic())) {
            notices.acknowledge(request.recipientKey(), request.step(), request.by(), "inbox");
        }
    }
}
