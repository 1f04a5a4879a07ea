-- The catalog's change feed (issue 15, "Several replicas, one truth"): one row per product (or per domain, for a change
-- that touches all of its products) and transaction, written in the transaction that changes the catalog, so that every
-- replica's derived data (its search index) learns of every committed change and of nothing that rolled back.
-- Readers keep their own position (the search index stores it in its commit data); rows older than the retention are
-- pruned by any replica (docs/search.md, "Several replicas").
create table catalog_change (
    seq        bigint generated always as identity primary key,
    product_id bigint,
    domain_key varchar(64),
    -- The time the row was written (not the commit): a reader treats a gap below a row older than its grace period as
    -- a rolled-back transaction, and finds a longer transaction in its periodic comparison.
    changed_at timestamptz not null default clock_timestamp(),
    constraint catalog_change_subject check (product_id is not null or domain_key is not null)
);

create index catalog_change_changed_at_idx on catalog_change (changed_at);

-- A hint to every listening replica, sent by PostgreSQL when the writing transaction commits (never when it rolls
-- back); identical notifications of one transaction are delivered once. Readers poll as well: a hint may be lost.
create function catalog_change_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('signalbox_catalog_change', '');
    return null;
end;
$$;

create trigger catalog_change_notify
    after insert on catalog_change
    for each statement execute function catalog_change_notify();
