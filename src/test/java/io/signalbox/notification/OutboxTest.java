package io.signalbox.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    /** Groups of this test class, far from any other test's, so that counts are this test's own. */
    private static final AtomicLong GROUPS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    Outbox outbox;

    private static final Instant DUE = Instant.parse("2030-01-01T09:00:00.123456Z");

    private static DeliveryRequest request(long group, long recipient, String milestone, Channel channel) {
        return new DeliveryRequest(
                TestTopicMessages.TOPIC, group, recipient, milestone, channel, "r" + recipient + "@example.com", DUE);
    }

    private int enqueueCommitted(List<DeliveryRequest> requests) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(requests));
    }

    @Test
    void rowsEnqueuedInATransactionThatRollsBackDoNotExist() {
        long group = GROUPS.incrementAndGet();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    assertThat(outbox.enqueue(List.of(request(group, 1, "issued", Channel.EMAIL))))
                            .isEqualTo(1);
                    throw new IllegalStateException("the change that caused the notification failed");
                }))
                .hasStackTraceContaining("the change that caused the notification failed");

        assertThat(outbox.ofRecipient(TestTopicMessages.TOPIC, group, 1)).isEmpty();
        assertThat(outbox.countsByState(TestTopicMessages.TOPIC, group))
                .containsExactly(
                        Map.entry("pending", 0L),
                        Map.entry("sent", 0L),
                        Map.entry("dead", 0L),
                        Map.entry("cancelled", 0L));
    }

    @Test
    void rowsEnqueuedInACommittedTransactionArePendingAndDueAsAsked() {
        long group = GROUPS.incrementAndGet();
        assertThat(enqueueCommitted(List.of(request(group, 7, "issued", Channel.EMAIL))))
                .isEqualTo(1);

        DeliveryRecord row =
                outbox.ofRecipient(TestTopicMessages.TOPIC, group, 7).get(0);
        assertThat(row.state()).isEqualTo("pending");
        assertThat(row.dueAt()).isEqualTo(DUE);
        assertThat(row.target()).isEqualTo("r7@example.com");
        assertThat(row.attempts()).isZero();
        assertThat(row.sentAt()).isNull();
    }

    @Test
    void enqueuingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> outbox.enqueue(List.of(request(GROUPS.incrementAndGet(), 1, "issued", Channel.EMAIL))))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void enqueuingTheSameIdentityTwiceKeepsOneRow() {
        long group = GROUPS.incrementAndGet();
        DeliveryRequest issued = request(group, 1, "issued", Channel.EMAIL);
        assertThat(enqueueCommitted(List.of(issued, issued, request(group, 1, "issued", Channel.INBOX))))
                .isEqualTo(2);
        assertThat(enqueueCommitted(List.of(issued))).isZero();

        assertThat(outbox.ofRecipient(TestTopicMessages.TOPIC, group, 1))
                .extracting(DeliveryRecord::channel)
                .containsExactly(Channel.EMAIL, Channel.INBOX);
    }

    @Test
    void anIncompleteRequestIsRefusedBeforeAnythingIsWritten() {
        long group = GROUPS.incrementAndGet();
        DeliveryRequest noTarget =
                new DeliveryRequest(TestTopicMessages.TOPIC, group, 2, "issued", Channel.EMAIL, " ", DUE);
        assertThatThrownBy(() -> enqueueCommitted(List.of(request(group, 1, "issued", Channel.EMAIL), noTarget)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target");
        assertThat(outbox.countsByState(TestTopicMessages.TOPIC, group).get("pending"))
                .isZero();
    }

    @Test
    void fiveThousandRowsAreWrittenInOneTransactionWellWithinTheNoticeBudget() {
        long group = GROUPS.incrementAndGet();
        List<DeliveryRequest> requests = new ArrayList<>();
        for (int recipient = 0; recipient < 5_000; recipient++) {
            requests.add(request(group, recipient, "issued", Channel.EMAIL));
        }
        enqueueCommitted(List.of(request(GROUPS.incrementAndGet(), 1, "issued", Channel.EMAIL))); // warm up

        long started = System.nanoTime();
        int written = enqueueCommitted(requests);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(written).isEqualTo(5_000);
        assertThat(outbox.countsByState(TestTopicMessages.TOPIC, group).get("pending"))
                .isEqualTo(5_000L);
        // A notice to 5 000 recipients must commit in 2 s in all; the outbox's part is one statement.
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void reschedulingMovesOnlyThePendingRowsOfOneMilestone() {
        long group = GROUPS.incrementAndGet();
        enqueueCommitted(List.of(
                request(group, 1, "t-30", Channel.EMAIL),
                request(group, 2, "t-30", Channel.EMAIL),
                request(group, 1, "sunset", Channel.EMAIL)));
        Instant later = DUE.plus(10, ChronoUnit.DAYS);

        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> outbox.reschedule(TestTopicMessages.TOPIC, group, "t-30", later)))
                .isEqualTo(2);

        assertThat(outbox.ofRecipient(TestTopicMessages.TOPIC, group, 1))
                .extracting(DeliveryRecord::milestone, DeliveryRecord::dueAt)
                .containsExactly(tuple("t-30", later), tuple("sunset", DUE));
        assertThat(outbox.ofRecipient(TestTopicMessages.TOPIC, group, 2))
                .extracting(DeliveryRecord::dueAt)
                .containsExactly(later);
    }

    @Test
    void cancellingPendingRowsLeavesOtherMilestonesAndGroupsAlone() {
        long group = GROUPS.incrementAndGet();
        long other = GROUPS.incrementAndGet();
        enqueueCommitted(List.of(
                request(group, 1, "t-30", Channel.EMAIL),
                request(group, 1, "t-7", Channel.EMAIL),
                request(group, 1, "sunset", Channel.EMAIL),
                request(other, 1, "t-30", Channel.EMAIL)));

        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> outbox.cancelPending(TestTopicMessages.TOPIC, group, Set.of("t-30", "t-7"))))
                .isEqualTo(2);
        assertThat(outbox.countsByState(TestTopicMessages.TOPIC, group))
                .containsEntry("pending", 1L)
                .containsEntry("cancelled", 2L);
        assertThat(outbox.countsByState(TestTopicMessages.TOPIC, other)).containsEntry("pending", 1L);

        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> outbox.cancelPending(TestTopicMessages.TOPIC, group, Set.of())))
                .isEqualTo(1);
        assertThat(outbox.countsByState(TestTopicMessages.TOPIC, group)).containsEntry("cancelled", 3L);
    }

    @Test
    void theLogIsKeysetPagedOldestFirst() {
        long group = GROUPS.incrementAndGet();
        List<DeliveryRequest> requests = new ArrayList<>();
        for (int recipient = 0; recipient < 7; recipient++) {
            requests.add(request(group, recipient, "issued", Channel.EMAIL));
        }
        enqueueCommitted(requests);

        List<DeliveryRecord> seen = new ArrayList<>();
        PageRequest page = Paging.request(null, 3, 50, 200, 1);
        while (true) {
            Paging.Page<DeliveryRecord> answer = Paging.page(
                    outbox.log(TestTopicMessages.TOPIC, group, page),
                    page,
                    r -> List.of(String.valueOf(r.id())),
                    "/log",
                    Map.of());
            assertThat(answer.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(answer.items());
            if (answer.next() == null) {
                break;
            }
            String cursor = answer.next().replaceAll(".*after=([^&]+).*", "$1");
            page = Paging.request(cursor, 3, 50, 200, 1);
        }
        assertThat(seen).extracting(DeliveryRecord::recipientKey).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen).extracting(DeliveryRecord::id).isSorted();
    }

    @Test
    void aLogCursorThatIsNotAnIdIsRefusedNamingAfter() {
        PageRequest foreign = new PageRequest(List.of("not-a-number"), 3);
        assertThatThrownBy(() -> outbox.log(TestTopicMessages.TOPIC, 1, foreign))
                .isInstanceOf(Refusal.Malformed.class)
                .hasMessageContaining("cursor");
    }
}
