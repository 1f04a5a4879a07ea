-- The council's watch over the mesh (issue 14, Step 7; docs/mesh-watch.md).

-- Identity: domain owners as Signalbox saw them signing in. A person who owns domains (through the identity
-- provider's groups or a grant) is recorded here once a day per domain when they make a request
-- (identity.OwnerSightings), so that the watch can tell whether a product's named owner is still among the domain's
-- owners. Domains are named by key and not tied to the catalog by a foreign key: a provider group may name a domain
-- that is not registered yet, and such a row simply never matches a product.
create table identity_owner_sighting (
    -- lower case, as Caller.email() gives it
    email        varchar(320) not null,
    domain_key   varchar(40)  not null,
    -- the provider's preferred username, so that a grant made to the username counts for the email
    username     varchar(320) not null,
    last_seen_at timestamptz  not null,
    primary key (email, domain_key)
);

create index identity_owner_sighting_username_idx on identity_owner_sighting (lower(username));

-- Readiness: each undeclared read (a product reading another domain's product without being among its declared
-- consumers) reported to both owners. One open row per (reading product, read product): the report job inserts with
-- "on conflict do nothing" in the transaction that writes the outbox rows, so each read is reported exactly once.
-- When the read stops being undeclared (declared, input dropped, a product retired) the row is resolved; should it
-- become undeclared again, a new row is a new report.
create table watch_undeclared_read (
    id                  bigint generated always as identity primary key,
    reading_product_key varchar(104) not null,
    reading_title       varchar(200) not null,
    reading_domain_key  varchar(40)  not null,
    reading_owner_email varchar(320) not null,
    read_product_key    varchar(104) not null,
    read_title          varchar(200) not null,
    read_domain_key     varchar(40)  not null,
    read_owner_email    varchar(320) not null,
    reported_at         timestamptz  not null,
    resolved_at         timestamptz
);

create unique index watch_undeclared_read_open_idx
    on watch_undeclared_read (reading_product_key, read_product_key) where resolved_at is null;
