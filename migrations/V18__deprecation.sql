-- Deprecation notices (issue 13, docs/deprecation.md): a notice, the people it reaches, their acknowledgements, the
-- subscriptions that add people, and the history the feeds are read from. Deliveries themselves live in the outbox
-- (notification_delivery, V16), written in the same transaction as the notice.

create table deprecation_notice (
    id                  bigserial     primary key,
    product_key         varchar(120)  not null,
    domain_key          varchar(40)   not null,
    -- null: the whole product; else one major line
    major_version       integer,
    state               varchar(16)   not null check (state in ('active', 'retired', 'rescinded')),
    reason              text          not null,
    successor_key       varchar(120),
    successor_version   varchar(80),
    no_successor_reason text,
    migration_guide     text          not null default '',
    sunset              date          not null,
    sunset_at           timestamptz   not null,
    issued_at           timestamptz   not null,
    issued_by           varchar(200)  not null,
    extended_at         timestamptz,
    rescinded_at        timestamptz,
    rescinded_by        varchar(200),
    rescind_reason      text,
    retired_at          timestamptz,
    recipient_count     integer       not null default 0,
    lock_version        integer       not null default 0,
    check ((successor_key is null) <> (no_successor_reason is null))
);

-- At most one open notice per product line (-1 stands for the whole product).
create unique index deprecation_notice_active_idx
    on deprecation_notice (product_key, coalesce(major_version, -1)) where state = 'active';
create index deprecation_notice_product_idx on deprecation_notice (product_key, id desc);
-- The sunset job's claim: active notices whose sunset has come.
create index deprecation_notice_sunset_idx on deprecation_notice (sunset_at) where state = 'active';

create table deprecation_subscription (
    id              bigserial     primary key,
    username        varchar(200)  not null,
    address         varchar(320)  not null,
    scope           varchar(10)   not null check (scope in ('product', 'domain')),
    scope_key       varchar(120)  not null,
    by_email        boolean       not null,
    by_inbox        boolean       not null,
    webhook_url     varchar(2000),
    webhook_secret  varchar(100),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    lock_version    integer       not null default 0,
    unique (address, scope, scope_key),
    check (by_email or by_inbox or webhook_url is not null),
    check ((webhook_url is null) = (webhook_secret is null))
);
create index deprecation_subscription_scope_idx on deprecation_subscription (scope, scope_key, id);
create index deprecation_subscription_person_idx on deprecation_subscription (address, id);

create table deprecation_recipient (
    id               bigserial     primary key,
    notice_id        bigint        not null references deprecation_notice (id),
    -- null when a declared consumer's contact is not an email address: recorded, shown, not deliverable
    address          varchar(320),
    display_name     varchar(320)  not null,
    kind             varchar(20)   not null
        check (kind in ('owner', 'declared-consumer', 'downstream-owner', 'subscriber')),
    subscription_id  bigint,
    joined_at        timestamptz   not null,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(200),
    acknowledged_via varchar(10)   check (acknowledged_via in ('link', 'inbox', 'api')),
    migrated_at      timestamptz,
    unique (notice_id, address)
);
create index deprecation_recipient_notice_idx on deprecation_recipient (notice_id, id);
create index deprecation_recipient_address_idx on deprecation_recipient (address, notice_id);

-- What happened to each notice, in order: the product's history and the Atom feeds.
create table deprecation_event (
    id           bigserial     primary key,
    notice_id    bigint        not null references deprecation_notice (id),
    product_key  varchar(120)  not null,
    domain_key   varchar(40)   not null,
    kind         varchar(16)   not null check (kind in ('issued', 'extended', 'rescinded', 'retired')),
    at           timestamptz   not null,
    actor        varchar(200)  not null,
    summary      text          not null
);
create index deprecation_event_feed_idx on deprecation_event (id desc);
create index deprecation_event_domain_idx on deprecation_event (domain_key, id desc);
create index deprecation_event_product_idx on deprecation_event (product_key, id desc);

-- The key acknowledgement links in emails are signed with: generated once, kept with the data, so that a link sent
-- weeks before the sunset still works after restarts and on every replica (docs/deprecation.md, "Acknowledgement").
create table deprecation_signing_key (
    id     integer      primary key check (id = 1),
    secret varchar(100) not null
);
insert into deprecation_signing_key (id, secret)
values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- The council's minimum notice, a parameter it may raise but never set below 90 days (governance.rules.RuleService).
alter table governance_rule drop constraint governance_rule_enforced_at_check;
alter table governance_rule add constraint governance_rule_enforced_at_check
    check (enforced_at in ('publication', 'measurement', 'deprecation'));
insert into governance_rule (id, position, category, statement, severity, parameters, enforced_at, updated_at, updated_by)
values ('deprecation-notice', 11, 'evolution',
        'A data product, or a major line of it, is retired only after a deprecation notice of at least the minimum '
            || 'notice (never fewer than 90 days), delivered to every declared consumer, every owner of a product that '
            || 'reads it and every subscriber, with reminders before the sunset.',
        'blocking', '{"minimumNoticeDays": 90}', 'deprecation', now(), 'council');

insert into rule_set_version (version, created_at, created_by, summary, rules)
select (select coalesce(max(version), 0) + 1 from rule_set_version), now(), 'council',
       'Adds deprecation-notice (at least 90 days between a deprecation notice and its sunset)',
       jsonb_agg(jsonb_build_object('id', id, 'severity', severity, 'parameters', parameters) order by position)
from governance_rule;
