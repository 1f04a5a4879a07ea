-- The in-portal inbox (docs/inbox.md): one entry per delivered inbox row of the outbox, written by the INBOX channel
-- sender. delivery_id is unique, and the sender inserts with "on conflict (delivery_id) do nothing", so a row sent
-- twice (a worker that crashed between writing the entry and marking the row sent) never gives a second entry.
-- delivery_id is deliberately not a foreign key: the entry belongs to the person and outlives the outbox's retention.
create table notification_inbox_entry (
    id bigint generated always as identity primary key,
    delivery_id bigint not null,
    -- the recipient's email address, lower case: Caller.email() finds a person's entries by it
    address text not null check (address = lower(address) and length(address) between 3 and 320),
    topic text not null check (length(topic) between 1 and 40),
    group_id bigint not null,
    recipient_key bigint not null,
    subject text not null,
    body text not null,
    link text,
    acknowledgeable boolean not null,
    created_at timestamptz not null,
    read_at timestamptz,
    acknowledged_at timestamptz,
    migrated_at timestamptz,
    constraint notification_inbox_entry_delivery_uk unique (delivery_id),
    -- "migrated" implies "acknowledged" (docs/inbox.md)
    constraint notification_inbox_entry_migrated_ck check (migrated_at is null or acknowledged_at is not null)
);

-- A person's inbox, newest first, read a page at a time with a keyset cursor (created_at desc, id desc).
create index notification_inbox_entry_address_idx on notification_inbox_entry (address, created_at desc, id desc);
-- The unread count in the page header: a small partial index, read on every page a signed-in person opens.
create index notification_inbox_entry_unread_idx on notification_inbox_entry (address) where read_at is null;
-- Inbox.mark: a recipient's entries in a group (an acknowledgement made through an email's signed link).
create index notification_inbox_entry_recipient_idx on notification_inbox_entry (topic, group_id, recipient_key);
