package io.signalbox.deprecation.notice;

import io.signalbox.catalog.lifecycle.ProductFacts;
import io.signalbox.catalog.lifecycle.ProductLifecycle;
import io.signalbox.notification.Channel;
import io.signalbox.notification.DeliveryRequest;
import io.signalbox.notification.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who a notice reaches, and the outbox rows that reach them, written in the caller's transaction (the notice's): the
 * product's owner, the consumers its descriptor declares, the owners of products declaring it as an input port, and
 * the subscribers to the product or its domain. One recipient per address (the first reason found wins, in that
 * order; a subscriber's channels are kept); a declared consumer whose contact is not an email address is recorded
 * without one, so the owner sees whom the notice cannot reach. Works in batches so that a notice to thousands of
 * people stays one transaction of a few statements per thousand.
 */
@ApplicationScoped
public class Recipients {

    static final String TOPIC = "deprecation";
    private static final int BATCH = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}\\.[^@\\s<>\"]{2,63}");

    @Inject
    EntityManager em;

    @Inject
    ProductLifecycle lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    Milestones milestones;

    /** A recipient as deliveries need it: address, kind and (for subscribers) chosen channels. */
    record Row(long id, String address, String kind, Boolean byEmail, Boolean byInbox, String webhookUrl) {}

    /**
     * Records every recipient of a newly issued notice and enqueues all their milestones.
     *
     * @return how many recipients the notice has
     */
    @Transactional(TxType.MANDATORY)
    public int addAll(DeprecationNotice notice, ProductFacts facts, Instant now) {
        insert(notice.id, facts.ownerEmail(), facts.ownerName(), NoticeRecipient.OWNER, now);
        addDeclaredConsumers(notice, facts.consumers(), now);
        long after = 0;
        while (true) {
            List<ProductFacts.Downstream> page = lifecycle.downstream(notice.productKey, after, BATCH);
            List<Object[]> rows = new ArrayList<>();
            for (ProductFacts.Downstream d : page) {
                if (isEmail(d.ownerEmail())) {
                    rows.add(new Object[] {
                        normalise(d.ownerEmail()), d.ownerName() + " (owner of " + d.productKey() + ")"
                    });
                }
            }
            insertMany(notice.id, rows, NoticeRecipient.DOWNSTREAM_OWNER, now);
            if (page.size() < BATCH) {
                break;
            }
            after = page.get(page.size() - 1).productId();
        }
        addSubscribers(notice, null, now);
        enqueueAll(notice, 0, now, true);
        return refreshCount(notice);
    }

    /** The declared consumers with an email contact, and those without (recorded, unreachable). */
    void addDeclaredConsumers(DeprecationNotice notice, List<ProductFacts.Consumer> consumers, Instant now) {
        List<Object[]> reachable = new ArrayList<>();
        for (ProductFacts.Consumer c : consumers) {
            String name = c.team() + (c.domain() == null ? "" : " (" + c.domain() + ")");
            if (isEmail(c.contact())) {
                reachable.add(new Object[] {normalise(c.contact()), name});
            } else {
                insert(
                        notice.id,
                        null,
                        name
                                + (c.contact() == null || c.contact().isBlank()
                                        ? ", no contact"
                                        : ", contact " + c.contact()),
                        NoticeRecipient.DECLARED_CONSUMER,
                        now);
            }
        }
        insertMany(notice.id, reachable, NoticeRecipient.DECLARED_CONSUMER, now);
    }

    /**
     * Adds the subscribers to the notice's product or domain ({@code onlySubscription} null: all of them; else that
     * one subscription), keeping a subscriber's channels on a recipient who was already there for another reason.
     */
    @Transactional(TxType.MANDATORY)
    public void addSubscribers(DeprecationNotice notice, Long onlySubscription, Instant now) {
        Query insert = em.createNativeQuery("insert into deprecation_recipient"
                        + " (notice_id, address, display_name, kind, subscription_id, joined_at)"
                        + " select distinct on (s.address) :notice, s.address, s.username, 'subscriber', s.id, :now"
                        + " from deprecation_subscription s"
                        + " where ((s.scope = 'product' and s.scope_key = :product)"
                        + "     or (s.scope = 'domain' and s.scope_key = :domain))"
                        + (onlySubscription == null ? "" : " and s.id = :only")
                        + " order by s.address, case when s.scope = 'product' then 0 else 1 end"
                        + " on conflict (notice_id, address) do update set subscription_id = excluded.subscription_id")
                .setParameter("notice", notice.id)
                .setParameter("now", now)
                .setParameter("product", notice.productKey)
                .setParameter("domain", notice.domainKey);
        if (onlySubscription != null) {
            insert.setParameter("only", onlySubscription);
        }
        insert.executeUpdate();
    }

    /**
     * Adds people who join an active notice late (a new subscriber, a consumer declared by a later version, the owner
     * of a product that starts reading this one): they get {@code issued} now and the milestones still to come.
     * Recipients already there are left as they are.
     */
    @Transactional(TxType.MANDATORY)
    public void addLate(DeprecationNotice notice, List<ProductFacts.Consumer> consumers, Instant now) {
        long before = maxRecipientId(notice);
        addDeclaredConsumers(notice, consumers, now);
        enqueueAll(notice, before, now, false);
        refreshCount(notice);
    }

    /** As {@link #addLate}, for a subscriber (after the subscription was saved). */
    @Transactional(TxType.MANDATORY)
    public void addLateSubscriber(DeprecationNotice notice, long subscriptionId, Instant now) {
        long before = maxRecipientId(notice);
        addSubscribers(notice, subscriptionId, now);
        // A person who was already a recipient and now subscribed keeps their rows; a new webhook gets the milestones
        // still to come from now on.
        enqueueAll(notice, before, now, false);
        enqueueWebhookOfExisting(notice, subscriptionId, before, now);
        refreshCount(notice);
    }

    /** As {@link #addLate}, for the owner of a product that declared this one as an input port. */
    @Transactional(TxType.MANDATORY)
    public void addLateDownstream(DeprecationNotice notice, ProductFacts.Downstream downstream, Instant now) {
        if (!isEmail(downstream.ownerEmail())) {
            return;
        }
        long before = maxRecipientId(notice);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {
            normalise(downstream.ownerEmail()), downstream.ownerName() + " (owner of " + downstream.productKey() + ")"
        });
        insertMany(notice.id, rows, NoticeRecipient.DOWNSTREAM_OWNER, now);
        enqueueAll(notice, before, now, false);
        refreshCount(notice);
    }

    /**
     * Enqueues one milestone (extended, rescinded) for every reachable recipient who has not migrated, due now.
     */
    @Transactional(TxType.MANDATORY)
    public void enqueueToAll(DeprecationNotice notice, String milestone, Instant now) {
        long after = 0;
        while (true) {
            List<Row> page = page(notice, after);
            List<DeliveryRequest> requests = new ArrayList<>();
            for (Row row : page) {
                for (Target t : targets(row)) {
                    requests.add(
                            new DeliveryRequest(TOPIC, notice.id, row.id(), milestone, t.channel(), t.target(), now));
                }
            }
            outbox.enqueue(requests);
            if (page.size() < BATCH) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Enqueues an owner-only message (a dead delivery's report), due now. */
    @Transactional(TxType.MANDATORY)
    public void enqueueToOwner(DeprecationNotice notice, String milestone, Instant now) {
        List<Row> owners = rows("r.notice_id = :notice and r.kind = 'owner' and r.address is not null", notice.id, 0);
        List<DeliveryRequest> requests = new ArrayList<>();
        for (Row row : owners) {
            for (Target t : targets(row)) {
                requests.add(new DeliveryRequest(TOPIC, notice.id, row.id(), milestone, t.channel(), t.target(), now));
            }
        }
        outbox.enqueue(requests);
    }

    /** Every recipient above {@code afterId}: issued (due now) and the scheduled milestones still to come. */
    private void enqueueAll(DeprecationNotice notice, long afterId, Instant now, boolean includeOwner) {
        List<Milestones.Due> scheduled = milestones.scheduled(notice.sunsetAt, now);
        List<Milestones.Due> digests = milestones.digests(notice.sunsetAt, now);
        long after = afterId;
        while (true) {
            List<Row> page = page(notice, after);
            List<DeliveryRequest> requests = new ArrayList<>();
            for (Row row : page) {
                boolean owner = NoticeRecipient.OWNER.equals(row.kind());
                if (owner && !includeOwner) {
                    continue;
                }
                List<Milestones.Due> due = new ArrayList<>();
                due.add(new Milestones.Due(Milestones.ISSUED, now));
                if (owner) {
                    due.addAll(digests);
                    due.add(new Milestones.Due(Milestones.SUNSET, notice.sunsetAt));
                } else {
                    due.addAll(scheduled);
                }
                for (Target t : targets(row)) {
                    for (Milestones.Due d : due) {
                        requests.add(new DeliveryRequest(
                                TOPIC, notice.id, row.id(), d.milestone(), t.channel(), t.target(), d.at()));
                    }
                }
            }
            outbox.enqueue(requests);
            if (page.size() < BATCH) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** A subscriber who was already a recipient (say, a declared consumer) and adds a webhook: the rows to come. */
    private void enqueueWebhookOfExisting(DeprecationNotice notice, long subscriptionId, long beforeId, Instant now) {
        List<Row> rows = rows(
                "r.notice_id = :notice and r.subscription_id = " + subscriptionId + " and r.id <= " + beforeId
                        + " and s.webhook_url is not null",
                notice.id,
                0);
        List<DeliveryRequest> requests = new ArrayList<>();
        for (Row row : rows) {
            requests.add(new DeliveryRequest(
                    TOPIC, notice.id, row.id(), Milestones.ISSUED, Channel.WEBHOOK, row.webhookUrl(), now));
            for (Milestones.Due d : milestones.scheduled(notice.sunsetAt, now)) {
                requests.add(new DeliveryRequest(
                        TOPIC, notice.id, row.id(), d.milestone(), Channel.WEBHOOK, row.webhookUrl(), d.at()));
            }
        }
        outbox.enqueue(requests);
    }

    private record Target(Channel channel, String target) {}

    private static List<Target> targets(Row row) {
        List<Target> targets = new ArrayList<>();
        boolean subscriberOnly = NoticeRecipient.SUBSCRIBER.equals(row.kind());
        // Owners, declared consumers and readers of the product are always told by email and in the inbox; a
        // subscriber chose their channels.
        if (!subscriberOnly || Boolean.TRUE.equals(row.byEmail())) {
            targets.add(new Target(Channel.EMAIL, row.address()));
        }
        if (!subscriberOnly || Boolean.TRUE.equals(row.byInbox())) {
            targets.add(new Target(Channel.INBOX, row.address()));
        }
        if (row.webhookUrl() != null) {
            targets.add(new Target(Channel.WEBHOOK, row.webhookUrl()));
        }
        return targets;
    }

    private List<Row> page(DeprecationNotice notice, long after) {
        return rows("r.notice_id = :notice and r.address is not null and r.migrated_at is null", notice.id, after);
    }

    private List<Row> rows(String where, long noticeId, long after) {
        Query query = em.createNativeQuery("select r.id, r.address, r.kind, s.by_email, s.by_inbox, s.webhook_url"
                        + " from deprecation_recipient r"
                        + " left join deprecation_subscription s on s.id = r.subscription_id"
                        + " where " + where + " and r.id > :after order by r.id limit " + BATCH)
                .setParameter("notice", noticeId)
                .setParameter("after", after);
        @SuppressWarnings("unchecked")
        List<Object[]> raw = query.getResultList();
        return raw.stream()
                .map(r -> new Row(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (Boolean) r[3],
                        (Boolean) r[4],
                        (String) r[5]))
                .toList();
    }

    private long maxRecipientId(DeprecationNotice notice) {
        Number max = (Number)
                em.createNativeQuery("select coalesce(max(id), 0) from deprecation_recipient where notice_id = :notice")
                        .setParameter("notice", notice.id)
                        .getSingleResult();
        return max.longValue();
    }

    private int refreshCount(DeprecationNotice notice) {
        Number count = (Number) em.createNativeQuery(
                        "select count(*) from deprecation_recipient where notice_id = :notice and kind <> 'owner'")
                .setParameter("notice", notice.id)
                .getSingleResult();
        notice.recipientCount = count.intValue();
        return notice.recipientCount;
    }

    private void insert(long noticeId, String address, String name, String kind, Instant now) {
        em.createNativeQuery("insert into deprecation_recipient (notice_id, address, display_name, kind, joined_at)"
                        + " values (:notice, :address, :name, :kind, :now) on conflict (notice_id, address) do nothing")
                .setParameter("notice", noticeId)
                .setParameter("address", isEmail(address) ? normalise(address) : null)
                .setParameter("name", truncate(name))
                .setParameter("kind", kind)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Rows of {address, display name}, one multi-row insert per batch. */
    private void insertMany(long noticeId, List<Object[]> rows, String kind, Instant now) {
        for (int start = 0; start < rows.size(); start += BATCH) {
            List<Object[]> batch = rows.subList(start, Math.min(rows.size(), start + BATCH));
            StringBuilder sql = new StringBuilder(
                    "insert into deprecation_recipient (notice_id, address, display_name, kind, joined_at) values ");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(:notice, :a")
                        .append(i)
                        .append(", :n")
                        .append(i)
                        .append(", :kind, :now)");
            }
            sql.append(" on conflict (notice_id, address) do nothing");
            Query insert = em.createNativeQuery(sql.toString())
                    .setParameter("notice", noticeId)
                    .setParameter("kind", kind)
                    .setParameter("now", now);
            for (int i = 0; i < batch.size(); i++) {
                insert.setParameter("a" + i, batch.get(i)[0]);
                insert.setParameter("n" + i, truncate((String) batch.get(i)[1]));
            }
            insert.executeUpdate();
        }
    }

    static boolean isEmail(String text) {
        return text != null
                && text.length() <= 320
                && EMAIL.matcher(text.strip()).matches();
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String truncate(String text) {
        return text.length() <= 320 ? text : text.substring(0, 319) + "…";
    }
}
