package io.signalbox.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.testing.AdjustableClock;
import io.signalbox.testing.SignOutRecords;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The register of signed-out sessions against the real PostgreSQL: what it refuses, for how long, and its pruning. */
@QuarkusTest
class SignedOutSessionsTest {

    @Inject
    SignedOutSessions signedOut;

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource database;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aSessionTheProviderSignedOutIsRefusedUntilItCouldNoLongerBeValidAndThenPruned() {
        String sid = UUID.randomUUID().toString();
        Instant signedOutAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SessionToken copiedCookie = token(sid, "nora", signedOutAt.minusSeconds(90));

        signedOut.signedOutByProvider(sid, "nora", signedOutAt);

        assertThat(signedOut.refuses(copiedCookie)).isTrue();
        assertThat(signedOut.refuses(token(sid, "nora", signedOutAt)))
                .as("a token issued in the second of the sign-out")
                .isTrue();
        assertThat(signedOut.refuses(token(sid, "nora", signedOutAt.plusSeconds(1))))
                .as("a later sign-in that the provider gave the same session id")
                .isFalse();
        assertThat(signedOut.refuses(token(UUID.randomUUID().toString(), "nora", signedOutAt.minusSeconds(90))))
                .as("another session of the same person")
                .isFalse();

        clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(signedOut.refuses(copiedCookie))
                .as("shortly before the longest session ends")
                .isTrue();

        clock.advance(Duration.ofMinutes(2));
        assertThat(signedOut.refuses(copiedCookie))
                .as("once no session cookie of it can be valid any more")
                .isFalse();
        assertThat(keys()).contains(SessionToken.SID + sid);
        signedOut.signedOutByProvider(UUID.randomUUID().toString(), "rita", clock.instant());
        assertThat(keys()).as("recording a sign-out prunes the expired ones").doesNotContain(SessionToken.SID + sid);
    }

    @Test
    void aProviderSignOutOfEverySessionOfAPersonRefusesEachOfThem() {
        Instant signedOutAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String person = "bill-" + UUID.randomUUID();

        signedOut.signedOutByProvider(null, person, signedOutAt);

        assertThat(signedOut.refuses(token(UUID.randomUUID().toString(), person, signedOutAt.minusSeconds(5))))
                .isTrue();
        assertThat(signedOut.refuses(token(UUID.randomUUID().toString(), "someone-else", signedOutAt.minusSeconds(5))))
                .isFalse();
    }

    @Test
    void aSessionSignedOutHereIsRefusedAtOnceAndRecordedForEveryReplicaUntilItsCookieExpires() {
        String sid = UUID.randomUUID().toString();
        Instant signedInAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        SessionToken idToken = new SessionToken(
                SessionToken.SID + sid, SessionToken.SUBJECT + "carla", signedInAt, signedInAt.plusSeconds(600));

        signedOut.signedOutHere(idToken);

        assertThat(signedOut.refuses(idToken))
                .as("at once, before PostgreSQL has the record")
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(SignOutRecords.all(database)).anySatisfy(row -> {
                    assertThat(row.sessionKey()).isEqualTo(SessionToken.SID + sid);
                    assertThat(row.issuedUpTo()).isEqualTo(signedInAt);
                    // The ID token's expiry plus the five minutes Quarkus keeps a session cookie beyond it.
                    assertThat(row.refusedUntil()).isEqualTo(signedInAt.plusSeconds(900));
                }));
        clock.advance(Duration.ofMinutes(14));
        assertThat(signedOut.refuses(idToken)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(signedOut.refuses(idToken))
                .as("the session's cookie has expired anyway")
                .isFalse();
    }

    private static SessionToken token(String sid, String subject, Instant issuedAt) {
        return new SessionToken(
                SessionToken.SID + sid, SessionToken.SUBJECT + subject, issuedAt, issuedAt.plusSeconds(600));
    }

    private java.util.List<String> keys() {
        return SignOutRecords.all(database).stream()
                .map(SignOutRecords.Row::sessionKey)
                .toList();
    }
}
