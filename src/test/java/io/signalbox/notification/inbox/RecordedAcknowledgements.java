package io.signalbox.notification.inbox;

import io.signalbox.notification.AcknowledgementRequested;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the feature that owns a topic (deprecation): records every acknowledgement the inbox asks for, and
 * refuses those of the topic {@value #REFUSING_TOPIC} as a feature may (a notice rescinded meanwhile).
 */
@ApplicationScoped
public class RecordedAcknowledgements {

    static final String REFUSING_TOPIC = "test-refusing";

    private final List<AcknowledgementRequested> seen = new CopyOnWriteArrayList<>();

    void record(@Observes AcknowledgementRequested requested) {
        if (requested.topic().equals(REFUSING_TOPIC)) {
            throw Refusal.conflict("This notice was rescinded; there is nothing to acknowledge any more.", "id");
        }
        seen.add(requested);
    }

    /** The acknowledgements recorded for one group, in order. */
    List<AcknowledgementRequested> of(long groupId) {
        return seen.stream().filter(a -> a.groupId() == groupId).toList();
    }
}
