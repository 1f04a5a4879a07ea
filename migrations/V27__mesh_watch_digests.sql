-- The council's watch reports undeclared reads in digests (docs/mesh-watch.md): one message per owner per run,
-- listing every read of that run that concerns them, instead of one message per read. A catalog that joins with
-- many undeclared reads (the benchmark's has 47 000) would otherwise send each owner hundreds of mails at once.

-- One digest: the owner it goes to and when the run made it. Its deliveries (topic mesh-watch, milestone digest)
-- carry its id as their group.
create table watch_report_digest (
    id          bigint generated always as identity primary key,
    owner_email varchar(320) not null,
    created_at  timestamptz  not null
);

-- Which digest told each side of a report. Null: not told yet (the next run's digest will). 0: told before digests,
-- by a message of its own (V22's per-read deliveries).
alter table watch_undeclared_read
    add column reading_digest_id bigint,
    add column read_digest_id    bigint;

-- A per-read message that was sent (or given up on) has told that side; one still pending is cancelled below, and its
-- side is left for the next digest, so nobody hears of a read twice or not at all.
update watch_undeclared_read w
   set reading_digest_id = 0
 where exists (select 1 from notification_delivery d
                where d.topic = 'mesh-watch' and d.milestone = 'reported' and d.group_id = w.id
                  and d.recipient_key = 1 and d.state <> 'pending');

update watch_undeclared_read w
   set read_digest_id = 0
 where exists (select 1 from notification_delivery d
                where d.topic = 'mesh-watch' and d.milestone = 'reported' and d.group_id = w.id
                  and d.recipient_key = 2 and d.state <> 'pending');

-- One address owning both products was told once, as the reader (V22 wrote no second row).
update watch_undeclared_read
   set read_digest_id = 0
 where read_owner_email = reading_owner_email and reading_digest_id = 0;

update notification_delivery
   set state = 'cancelled', lease_until = null
 where topic = 'mesh-watch' and milestone = 'reported' and state = 'pending';

-- A resolved report needs no digest.
update watch_undeclared_read set reading_digest_id = coalesce(reading_digest_id, 0),
                                 read_digest_id = coalesce(read_digest_id, 0)
 where resolved_at is not null;

-- The digest step finds the owners with open reports not told yet, and renders a digest from its reports.
create index watch_undeclared_read_reading_untold_idx
    on watch_undeclared_read (reading_owner_email) where reading_digest_id is null and resolved_at is null;
create index watch_undeclared_read_read_untold_idx
    on watch_undeclared_read (read_owner_email) where read_digest_id is null and resolved_at is null;
create index watch_undeclared_read_reading_digest_idx
    on watch_undeclared_read (reading_digest_id, reading_product_key, read_product_key);
create index watch_undeclared_read_read_digest_idx
    on watch_undeclared_read (read_digest_id, reading_product_key, read_product_key);
