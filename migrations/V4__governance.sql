-- Computational governance: the council's canonical entities and the rules every publication is checked against.

create table canonical_entity (
    id                   bigint generated always as identity primary key,
    name                 varchar(60)  not null unique,
    description          text         not null,
    identifier_attribute varchar(100) not null,
    -- A Java regular expression every identifier value matches, whole.
    identifier_format    varchar(200) not null,
    identifier_example   varchar(100) not null,
    lifecycle_attribute  varchar(100),
    lifecycle_vocabulary jsonb        not null default '[]',
    revision             integer      not null default 1,
    updated_at           timestamptz  not null,
    updated_by           varchar(320) not null,
    lock_version         integer      not null default 0
);

create table canonical_attribute (
    id               bigint generated always as identity primary key,
    entity_id        bigint       not null references canonical_entity (id),
    position         integer      not null,
    name             varchar(100) not null,
    -- An ODCS logical type: string, integer, number, date, timestamp, boolean, …
    data_type        varchar(40)  not null,
    meaning          text         not null,
    -- The domain whose data is the truth for this attribute; others copy it.
    system_of_record varchar(40)  not null,
    mandatory        boolean      not null,
    unique (entity_id, name)
);

insert into canonical_entity
    (name, description, identifier_attribute, identifier_format, identifier_example, lifecycle_attribute,
     lifecycle_vocabulary, updated_at, updated_by)
values
    ('Service',
     'A capability delivered to a customer: a network capability to network operations, a catalogue offering to '
         || 'product, an invoice line to billing. Every domain keeps its own view; all share this core and the '
         || 'service_id join key.',
     'service_id', '^SVC-[0-9]{10}$', 'SVC-0000012345', 'lifecycle_state',
     '["planned", "active", "suspended", "terminated"]', now(), 'council'),
    ('Customer',
     'A person or organisation that holds a contract with us.',
     'customer_id', '^CUS-[0-9]{8}$', 'CUS-00012345', 'customer_state',
     '["prospect", "active", "suspended", "closed"]', now(), 'council'),
    ('Product',
     'A sellable offering of the product catalogue.',
     'product_id', '^PRD-[0-9]{6}$', 'PRD-001234', 'product_state',
     '["planned", "active", "withdrawn"]', now(), 'council'),
    ('Order',
     'A customer''s request to add, change or remove services, from capture to fulfilment.',
     'order_id', '^ORD-[0-9]{10}$', 'ORD-0000012345', 'order_state',
     '["acknowledged", "in-progress", "completed", "failed", "cancelled"]', now(), 'council');

insert into canonical_attribute (entity_id, position, name, data_type, meaning, system_of_record, mandatory)
select e.id, a.position, a.name, a.data_type, a.meaning, a.system_of_record, a.mandatory
from canonical_entity e
join (values
    ('Service', 0, 'service_id', 'string', 'The service''s identifier, the join key every domain shares', 'provisioning', true),
    ('Service', 1, 'service_name', 'string', 'The label people use for the service', 'network', false),
    ('Service', 2, 'service_type', 'string', 'The kind of capability, from the product catalogue''s list of service types', 'product', true),
    ('Service', 3, 'lifecycle_state', 'string', 'Where the service is in its life, in the shared vocabulary', 'network', true),
    ('Service', 4, 'access_node', 'string', 'The network element that terminates the service (topology)', 'network', false),
    ('Service', 5, 'monthly_price', 'number', 'The recurring price of the service as sold (commercial terms)', 'product', false),
    ('Service', 6, 'rated_event_link', 'string', 'The key that links rated usage events to the service (rated-event linkage)', 'billing', false),
    ('Customer', 0, 'customer_id', 'string', 'The customer''s identifier, the join key every domain shares', 'care', true),
    ('Customer', 1, 'customer_name', 'string', 'The customer''s legal or display name', 'care', false),
    ('Customer', 2, 'segment', 'string', 'The commercial segment: consumer, small business, enterprise or wholesale', 'product', false),
    ('Customer', 3, 'customer_state', 'string', 'Where the customer relationship is, in the shared vocabulary', 'care', true),
    ('Product', 0, 'product_id', 'string', 'The offering''s identifier in the product catalogue', 'product', true),
    ('Product', 1, 'product_name', 'string', 'The offering''s commercial name', 'product', false),
    ('Product', 2, 'product_state', 'string', 'Whether the offering can be sold, in the shared vocabulary', 'product', true),
    ('Order', 0, 'order_id', 'string', 'The order''s identifier, from capture to fulfilment', 'provisioning', true),
    ('Order', 1, 'order_date', 'timestamp', 'When the customer placed the order', 'provisioning', false),
    ('Order', 2, 'order_state', 'string', 'Where the order is, in the shared vocabulary', 'provisioning', true)
) as a (entity, position, name, data_type, meaning, system_of_record, mandatory) on a.entity = e.name;

-- The rules. Their checks are code; their statements, severities and parameters are the council's to edit.
create table governance_rule (
    id           varchar(60)  primary key,
    position     integer      not null,
    category     varchar(20)  not null
        check (category in ('interoperability', 'quality', 'discoverability', 'evolution', 'security')),
    statement    text         not null,
    severity     varchar(10)  not null check (severity in ('blocking', 'warning')),
    parameters   jsonb        not null default '{}',
    enforced_at  varchar(20)  not null check (enforced_at in ('publication', 'measurement')),
    updated_at   timestamptz  not null,
    updated_by   varchar(320) not null,
    lock_version integer      not null default 0
);

-- Every change to the rules makes a new rule-set version; each evaluation records the version it applied.
create table rule_set_version (
    version    integer      primary key,
    created_at timestamptz  not null,
    created_by varchar(320) not null,
    summary    text         not null,
    -- The rules as they were: id, severity and parameters.
    rules      jsonb        not null
);

insert into governance_rule (id, position, category, statement, severity, parameters, enforced_at, updated_at, updated_by)
values
    ('canonical-identifier-format', 1, 'interoperability',
     'A column that holds a canonical identifier (service_id, customer_id, product_id, order_id) is a string in the '
         || 'council''s format, such as SVC- and ten digits, so that every domain can join on it.',
     'blocking', '{}', 'publication', now(), 'council'),
    ('additive-extensions', 2, 'interoperability',
     'A domain may add its own attributes to a canonical entity, but never redefine the council''s: a column mapped '
         || 'to a canonical attribute keeps its type, maps only to attributes the council defined, and lifecycle '
         || 'states map only to the shared vocabulary.',
     'blocking', '{}', 'publication', now(), 'council'),
    ('canonical-names-keep-meaning', 3, 'interoperability',
     'A column named like a canonical attribute is that attribute: map it to the canonical attribute, or give the '
         || 'column a name of its own.',
     'blocking', '{}', 'publication', now(), 'council'),
    ('columns-classified', 4, 'security',
     'Every column carries a classification: public, internal, confidential or restricted.',
     'blocking', '{}', 'publication', now(), 'council'),
    ('personal-data-protected', 5, 'security',
     'A column flagged as personal data (pii) is classified confidential or restricted and has an access note that '
         || 'says how to get access.',
     'blocking', '{"classifications": ["confidential", "restricted"]}', 'publication', now(), 'council'),
    ('documentation-complete', 6, 'discoverability',
     'A data product names its owner with a contact, its support channel, the consumers it knows of, its schema, a '
         || 'classification label and a changelog, so that anyone can find it, judge it and ask about it.',
     'blocking', '{}', 'publication', now(), 'council'),
    ('freshness-declared', 7, 'quality',
     'A data product declares how fresh its data is (a freshness SLA), so consumers know when to expect new data.',
     'warning', '{}', 'publication', now(), 'council'),
    ('breaking-change-needs-major', 8, 'evolution',
     'A change that can break a consumer (a removed or renamed column, a type readers cannot absorb, a column that '
         || 'becomes optional, a lowered classification, a changed primary key) comes as a new major version, and the '
         || 'previous major stays available while consumers move.',
     'blocking', '{}', 'publication', now(), 'council'),
    ('canonical-completeness', 9, 'quality',
     'Mandatory canonical attributes are filled in, as last measured, in at least the agreed share of rows.',
     'warning', '{"minimumPercent": 99}', 'measurement', now(), 'council');

insert into rule_set_version (version, created_at, created_by, summary, rules)
select 1, now(), 'council', 'The council''s first rule set',
       jsonb_agg(jsonb_build_object('id', id, 'severity', severity, 'parameters', parameters) order by position)
from governance_rule;

-- What the gate found for each published version: the warnings it published with (blocking findings are never
-- written, the publication is refused).
alter table product_version add column rule_set_version integer references rule_set_version (version);

create table governance_finding (
    id         bigint generated always as identity primary key,
    version_id bigint       not null references product_version (id),
    rule_id    varchar(60)  not null references governance_rule (id),
    severity   varchar(10)  not null,
    field      varchar(300) not null,
    problem    text         not null,
    fix        text         not null
);

create index governance_finding_version_idx on governance_finding (version_id);
