package io.signalbox.bench.measure;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * (h) Deprecation notices (issue 13): how long a notice to 5 000 recipients takes to commit, and how fast the portal's
 * delivery worker then sends its emails to the local SMTP server (GreenMail, started by the portal's launcher).
 *
 * <p>Setup: a published product of the owner's domain, and 5 000 subscriptions to it written straight into
 * {@code deprecation_subscription} (as the generator writes the catalog), {@code bench-N@example.com}, email only. Each
 * sample issues a notice with {@code POST /api/products/{key}/deprecation} as the domain's owner and times the request
 * (the notice, its recipients and every outbox row are one transaction), then checks in PostgreSQL that the recipients
 * and their rows exist. Between samples the notice is rescinded ({@code DELETE}, timed too) and the worker is left to
 * send the rescission to everyone before the next sample, so that each commit is timed beside an idle worker and
 * GreenMail's mailboxes (kept in memory) are emptied. The first {@code warmups} notices are issued and rescinded the
 * same way but not counted (the JIT compiles the path during the first). The last notice stays active: the delivery
 * of its {@code issued} emails is polled once a second until every one is sent (or dead), and the rate is reported
 * from the first to the last {@code sent_at} and from the commit to the last {@code sent_at}.
 */
final class DeprecationNotices {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final Portal portal;
    private final Tokens tokens;
    private final Tokens.Person owner;
    private final String domain;
    private final Connection db;
    private final URI mailApi;
    private final int subscribers;
    private final int warmups;
    private final int samples;
    private final Duration timeout;

    /**
     * @param mailApi GreenMail's REST API ({@code http://127.0.0.1:8025/api}), to empty its mailboxes between samples
     *     and count what arrived; null to leave GreenMail alone
     */
    DeprecationNotices(
            Portal portal,
            Tokens tokens,
            Tokens.Person owner,
            String domain,
            Connection db,
            URI mailApi,
            int subscribers,
            int warmups,
            int samples,
            Duration timeout) {
        this.portal = portal;
        this.tokens = tokens;
        this.owner = owner;
        this.domain = domain;
        this.db = db;
        this.mailApi = mailApi;
        this.subscribers = subscribers;
        this.warmups = warmups;
        this.samples = samples;
        this.timeout = timeout;
    }

    Map<String, Object> measure() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--deprecation-samples must be at least 1");
        }
        String product = pickProduct();
        int subscribed = subscribe(product);
        System.out.println("   " + product + ": " + subscribed + " subscribers by email");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("product", product);
        result.put("subscribers", subscribed);
        result.put("channels", "email");
        result.put("warmups", warmups);
        result.put("samples", samples);
        Histogram issue = Latencies.histogram();
        Histogram rescind = Latencies.histogram();
        List<Map<String, Object>> warmupNotices = new ArrayList<>();
        List<Map<String, Object>> notices = new ArrayList<>();
        List<Map<String, Object>> rescissions = new ArrayList<>();
        long noticeId;
        Map<String, Object> delivery = null;
        for (int i = 0; i < warmups + samples; i++) {
            boolean counted = i >= warmups;
            String token = tokens.accessToken(owner);
            byte[] body = Portal.JSON.writeValueAsBytes(Map.of(
                    "reason", "Replaced by the new inventory pipeline (benchmark notice " + (i + 1) + ").",
                    "sunset", LocalDate.now(ZoneOffset.UTC).plusDays(120).toString(),
                    "successor", "none",
                    "noSuccessorReason", "The benchmark measures a notice without a successor.",
                    "migrationGuide", "Read the new inventory instead; see the bench's docs."));
            long started = System.nanoTime();
            Portal.Answer issued =
                    portal.post("/api/products/" + product + "/deprecation", "application/json", body, token);
            long nanos = issued.receivedNanos() - started;
            issued.expect(201);
            if (counted) {
                Latencies.recordNanos(issue, nanos);
            }
            noticeId = issued.json().path("id").asLong();
            if (i == warmups + samples - 1) {
                // The last notice's delivery is timed from its answer: its rows are counted once they are sent.
                delivery = await(noticeId, "issued", issued.receivedNanos());
                delivery.put("mailboxes", mailboxes());
            }
            Map<String, Object> notice = written(noticeId);
            notice.put("requestMillis", nanos / 1e6);
            (counted ? notices : warmupNotices).add(notice);
            System.out.printf(
                    "   notice %d" + (counted ? "" : " (warm-up)") + ": %.0f ms, %s recipients, %s outbox rows%n",
                    noticeId,
                    nanos / 1e6,
                    notice.get("recipients"),
                    notice.get("outboxRows"));
            if (delivery != null) {
                break;
            }
            started = System.nanoTime();
            Portal.Answer rescinded = portal.delete(
                    "/api/products/" + product + "/deprecation?reason=benchmark", tokens.accessToken(owner));
            long rescindNanos = rescinded.receivedNanos() - started;
            rescinded.expect(200);
            if (counted) {
                Latencies.recordNanos(rescind, rescindNanos);
            }
            Map<String, Object> drained = await(noticeId, "rescinded", rescinded.receivedNanos());
            drained.put("requestMillis", rescindNanos / 1e6);
            drained.put("warmup", !counted);
            rescissions.add(drained);
            System.out.println("   rescinded, delivered: " + Portal.JSON.writeValueAsString(drained));
            purgeMail();
        }
        result.put("issueRequest", Latencies.summary(issue));
        result.put("notices", notices);
        result.put("warmupNotices", warmupNotices);
        result.put("rescindRequest", Latencies.summary(rescind));
        result.put("rescissions", rescissions);
        result.put("delivery", delivery);
        return result;
    }

    /** The domain's first published product without an active notice, never one of the bench's own probes. */
    private String pickProduct() throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select p.key from data_product p"
                + " join domain d on d.id = p.domain_id"
                + " where d.key = ? and p.status = 'published' and p.current_version_id is not null"
                + " and p.slug not like 'bench-probe-%'"
                + " and not exists (select 1 from deprecation_notice n where n.product_key = p.key)"
                + " order by p.id limit 1")) {
            select.setString(1, domain);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("domain " + domain + " has no published product without a notice");
                }
                return row.getString(1);
            }
        }
    }

    /** {@code subscribers} subscriptions to the product, by email only, in one statement; returns how many exist. */
    private int subscribe(String product) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into deprecation_subscription"
                + " (username, address, scope, scope_key, by_email, by_inbox, created_at, updated_at)"
                + " select 'bench-' || n, 'bench-' || n || '@example.com', 'product', ?, true, false, now(), now()"
                + " from generate_series(1, ?) n on conflict (address, scope, scope_key) do nothing")) {
            insert.setString(1, product);
            insert.setInt(2, subscribers);
            insert.executeUpdate();
        }
        return (int) count(
                "select count(*) from deprecation_subscription where scope = 'product' and scope_key = ?", product);
    }

    /** What the notice's transaction wrote: recipients by kind and outbox rows by channel and milestone. */
    private Map<String, Object> written(long noticeId) throws SQLException {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("noticeId", noticeId);
        written.put("recipients", count("select count(*) from deprecation_recipient where notice_id = ?", noticeId));
        written.put(
                "subscriberRecipients",
                count(
                        "select count(*) from deprecation_recipient where notice_id = ? and kind = 'subscriber'",
                        noticeId));
        written.put(
                "outboxRows",
                count(
                        "select count(*) from notification_delivery where topic = 'deprecation' and group_id = ?",
                        noticeId));
        written.put(
                "subscriberOutboxRows",
                count(
                        "select count(*) from notification_delivery d where d.topic = 'deprecation'"
                                + " and d.group_id = ? and exists (select 1 from deprecation_recipient r"
                                + " where r.id = d.recipient_key and r.kind = 'subscriber')",
                        noticeId));
        written.put(
                "issuedEmailRows",
                count(
                        "select count(*) from notification_delivery where topic = 'deprecation' and group_id = ?"
                                + " and milestone = 'issued' and channel = 'email'",
                        noticeId));
        return written;
    }

    /**
     * Polls the notice's email rows of one milestone once a second until none is pending (or the timeout), and
     * reports how many were sent, failed, retried, and at what rate.
     */
    private Map<String, Object> await(long noticeId, String milestone, long committedNanos) throws Exception {
        Map<String, Object> state = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            state = deliveryState(noticeId, milestone);
            if (((Number) state.get("pending")).longValue() == 0) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        double wall = (System.nanoTime() - committedNanos) / 1e9;
        state.put("wallSecondsFromAnswer", Math.round(wall * 10) / 10.0);
        state.put("complete", ((Number) state.get("pending")).longValue() == 0);
        long sent = ((Number) state.get("sent")).longValue();
        if (state.get("firstToLastSentSeconds") instanceof Double span && span > 0) {
            state.put("emailsPerSecondFirstToLastSent", Math.round(sent / span * 10) / 10.0);
        }
        if (state.get("commitToLastSentSeconds") instanceof Double span && span > 0) {
            state.put("emailsPerSecondFromCommit", Math.round(sent / span * 10) / 10.0);
        }
        return state;
    }

    private Map<String, Object> deliveryState(long noticeId, String milestone) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select count(*),"
                + " count(*) filter (where state = 'sent'), count(*) filter (where state = 'pending'),"
                + " count(*) filter (where state = 'dead'), count(*) filter (where state = 'cancelled'),"
                + " count(*) filter (where attempts > 1), count(*) filter (where last_error is not null),"
                + " min(sent_at), max(sent_at), min(created_at), max(attempts)"
                + " from notification_delivery where topic = 'deprecation' and group_id = ? and milestone = ?"
                + " and channel = 'email'")) {
            select.setLong(1, noticeId);
            select.setString(2, milestone);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("milestone", milestone);
                state.put("emailRows", row.getLong(1));
                state.put("sent", row.getLong(2));
                state.put("pending", row.getLong(3));
                state.put("dead", row.getLong(4));
                state.put("cancelled", row.getLong(5));
                state.put("retried", row.getLong(6));
                state.put("withAFailure", row.getLong(7));
                state.put("maxAttempts", row.getLong(11));
                Timestamp first = row.getTimestamp(8);
                Timestamp last = row.getTimestamp(9);
                Timestamp committed = row.getTimestamp(10);
                if (first != null && last != null) {
                    state.put("firstSentAt", first.toInstant().toString());
                    state.put("lastSentAt", last.toInstant().toString());
                    state.put("firstToLastSentSeconds", (last.getTime() - first.getTime()) / 1000.0);
                    state.put("commitToFirstSentSeconds", (first.getTime() - committed.getTime()) / 1000.0);
                    state.put("commitToLastSentSeconds", (last.getTime() - committed.getTime()) / 1000.0);
                }
                return state;
            }
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Empties GreenMail (it keeps every mail in memory), so that the samples do not pile up in its 128 MB heap. */
    private void purgeMail() {
        if (mailApi == null) {
            return;
        }
        try {
            HttpResponse<Void> answer = portal.http()
                    .send(
                            HttpRequest.newBuilder(URI.create(mailApi + "/mail/purge"))
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                System.out.println("   GreenMail's purge answered " + answer.statusCode());
            }
        } catch (Exception e) {
            System.out.println("   GreenMail's purge failed: " + e.getMessage());
        }
    }

    /** How many mails GreenMail holds for the first and the last subscriber: proof that the SMTP server got them. */
    private Map<String, Object> mailboxes() {
        Map<String, Object> boxes = new LinkedHashMap<>();
        if (mailApi == null) {
            return boxes;
        }
        for (String address : List.of("bench-1@example.com", "bench-" + subscribers + "@example.com")) {
            try {
                HttpResponse<String> answer = portal.http()
                        .send(
                                HttpRequest.newBuilder(URI.create(mailApi + "/user/" + address + "/messages/INBOX"))
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                boxes.put(
                        address,
                        answer.statusCode() == 200
                                ? Portal.JSON.readTree(answer.body()).size()
                                : "status " + answer.statusCode());
            } catch (Exception e) {
                boxes.put(address, "failed: " + e.getMessage());
            }
        }
        return boxes;
    }
}
