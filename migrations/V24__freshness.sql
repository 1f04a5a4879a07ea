-- Freshness SLAs, watched (issue 15; docs/freshness.md). The freshness feature owns these tables; it reads the
-- catalog (declared freshness, owner, publication) and governance (the latest reported refresh) through their
-- services, so products are named by id and key here without foreign keys into either.

-- Where each watched product stands now: one row per product that declares a freshness the portal can read. The
-- watch claims rows with FOR UPDATE SKIP LOCKED and writes a state change, its history row and its alerts in one
-- transaction, so replicas running at once move each product once.
create table freshness_state (
    product_id        bigint       primary key,
    product_key       varchar(104) not null,
    domain_key        varchar(40)  not null,
    title             varchar(200) not null,
    -- lower case: where the alerts go
    owner_email       varchar(320) not null,
    -- the contract's text ("daily by 06:00 UTC") and the longest age it allows
    declared          varchar(200) not null,
    window_seconds    bigint       not null check (window_seconds > 0),
    -- the latest reported refresh; null while none was reported, when the deadline runs from the publication
    last_refreshed_at timestamptz,
    published_at      timestamptz  not null,
    -- the latest refresh (or the publication) + the window; at risk from deadline - margin
    deadline          timestamptz  not null,
    at_risk_from      timestamptz  not null,
    state             varchar(10)  not null check (state in ('on_time', 'at_risk', 'breached')),
    -- when the current state began
    since             timestamptz  not null,
    watched_since     timestamptz  not null,
    -- when the watch last wrote this row (a row whose facts did not change is not written again)
    changed_at        timestamptz  not null,
    -- set while the product no longer declares a readable freshness (or was retired): left out of the SLA page
    unwatched_at      timestamptz
);

create index freshness_state_domain_idx on freshness_state (domain_key, product_key);
create index freshness_state_breached_idx on freshness_state (state, deadline) where unwatched_at is null;

-- The history: one row per change of state, the first being the start of the watch (from_state null). A state holds
-- from its row's "at" until the product's next row (or now), so the share of time on time over a period is computed
-- from these rows alone, in SQL. "at" is when the state began by the deadline arithmetic (the deadline for a breach,
-- deadline - margin for at risk, the refresh for a recovery), never before the previous row's "at"; noticed_at is
-- when the watch saw it.
create table freshness_transition (
    id                bigint generated always as identity primary key,
    product_id        bigint       not null references freshness_state (product_id),
    from_state        varchar(10)  check (from_state in ('on_time', 'at_risk', 'breached')),
    to_state          varchar(10)  not null check (to_state in ('on_time', 'at_risk', 'breached')),
    -- watched (first row), at_risk, breached, recovered (breached → not breached), on_time (at risk → on time)
    kind              varchar(10)  not null check (kind in ('watched', 'at_risk', 'breached', 'recovered', 'on_time')),
    at                timestamptz  not null,
    noticed_at        timestamptz  not null,
    deadline          timestamptz  not null,
    last_refreshed_at timestamptz
);

create index freshness_transition_product_idx on freshness_transition (product_id, at, id);
