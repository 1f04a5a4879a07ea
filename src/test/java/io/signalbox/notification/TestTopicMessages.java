package io.signalbox.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A message source for the notification tests' own topic, so that delivery is tested without any feature that sends
 * notifications: it says "Test message {id}" for every row, nothing for the groups a test withdrew, and counts how
 * often it was told that a row died.
 */
@ApplicationScoped
public class TestTopicMessages implements MessageSource {

    public static final String TOPIC = "notification-test";

    private final Set<Long> withdrawnGroups = ConcurrentHashMap.newKeySet();
    private final Map<Long, AtomicInteger> deaths = new ConcurrentHashMap<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Message> render(DeliveryRecord delivery) {
        if (withdrawnGroups.contains(delivery.groupId())) {
            return Optional.empty();
        }
        return Optional.of(new Message(
                "Test message " + delivery.id(),
                "This is test message " + delivery.id() + " (" + delivery.milestone() + ").",
                URI.create("http://localhost:8080/test/" + delivery.groupId()),
                Map.of("id", delivery.id()),
                null,
                false));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void deliveryDied(DeliveryRecord delivery) {
        deaths.computeIfAbsent(delivery.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    /** From now on the rows of this group render nothing (they are cancelled, not sent). */
    public void withdraw(long groupId) {
        withdrawnGroups.add(groupId);
    }

    /** How many times {@link #deliveryDied} was called for the row. */
    public int deathsOf(long deliveryId) {
        AtomicInteger count = deaths.get(deliveryId);
        return count == null ? 0 : count.get();
    }
}
