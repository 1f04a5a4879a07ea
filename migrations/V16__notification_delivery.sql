-- The transactional outbox of notifications (docs/notifications.md). A feature writes rows here in the same
-- transaction as the change that causes them (notification.Outbox), so a row exists if and only if that change
-- committed; the delivery worker (notification.delivery) claims due rows with FOR UPDATE SKIP LOCKED and a lease,
-- sends them outside any transaction, then marks them. The table knows no feature: topic, group_id and recipient_key
-- are the enqueuing feature's own identifiers.
create table notification_delivery (
    id              bigint generated always as identity primary key,
    -- the feature's kind of message (for example 'deprecation'); its MessageSource renders the row at send time
    topic           varchar(40)   not null,
    -- what the message is about (for a deprecation, the notice) and who gets it, in the feature's terms
    group_id        bigint        not null,
    recipient_key   bigint        not null,
    -- why it is sent: issued, t-30, sunset ...
    milestone       varchar(40)   not null,
    channel         varchar(10)   not null check (channel in ('email', 'inbox', 'webhook')),
    -- an email address (email, inbox) or an https URL (webhook)
    target          varchar(2048) not null,
    -- not sent before this instant
    due_at          timestamptz   not null,
    state           varchar(10)   not null default 'pending'
                                  check (state in ('pending', 'sent', 'dead', 'cancelled')),
    -- how many times a worker took the row to send it (a send cut short by a crash counts)
    attempts        integer       not null default 0,
    -- a worker holds the row until then; a row whose lease has passed is claimable again (its worker died)
    lease_until     timestamptz,
    -- not tried again before this instant (the backoff after a failure); due_at for a row never tried
    next_attempt_at timestamptz   not null,
    last_attempt_at timestamptz,
    last_error      varchar(2000),
    sent_at         timestamptz,
    -- the email Message-ID (without angle brackets), fixed for the row so that a resend is recognisable
    message_id      varchar(255),
    created_at      timestamptz   not null,
    -- one row per (group, recipient, milestone, channel): enqueuing twice is harmless
    constraint notification_delivery_identity unique (topic, group_id, recipient_key, milestone, channel)
);

-- The worker's claim: pending rows whose next attempt is due, oldest first. Partial, so sent rows (nearly all of the
-- table after a while) cost the claim nothing.
create index notification_delivery_due_idx on notification_delivery (next_attempt_at, id) where state = 'pending';

-- The owner's log of a group, keyset-paged by id.
create index notification_delivery_log_idx on notification_delivery (topic, group_id, id);
