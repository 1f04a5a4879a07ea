-- Why canonical entities look as they do (decision records), how they changed (revisions), and each domain's own
-- words for things (glossary), linked to the canonical entities where they correspond.

create table decision_record (
    id           bigint generated always as identity primary key,
    entity_id    bigint       not null references canonical_entity (id),
    title        varchar(200) not null,
    context      text         not null,
    decision     text         not null,
    consequences text         not null,
    status       varchar(12)  not null check (status in ('proposed', 'accepted', 'superseded', 'rejected')),
    decided_on   date         not null,
    created_at   timestamptz  not null,
    created_by   varchar(320) not null
);

create index decision_record_entity_idx on decision_record (entity_id, id);

create table canonical_entity_revision (
    id          bigint generated always as identity primary key,
    entity_id   bigint       not null references canonical_entity (id),
    revision    integer      not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(320) not null,
    decision_id bigint       not null references decision_record (id),
    summary     text         not null,
    -- The entity as it stood after the change: attributes, identifier, lifecycle.
    snapshot    jsonb        not null,
    unique (entity_id, revision)
);

insert into decision_record (entity_id, title, context, decision, consequences, status, decided_on, created_at, created_by)
select e.id, d.title, d.context, d.decision, d.consequences, 'accepted', date '2026-11-01', now(), 'council'
from canonical_entity e
join (values
    ('Service', 'One Service core shared by network, product, billing and provisioning',
     'Network operations, product and billing each called something "service" and each had its own key. Joining an '
         || 'invoice line to the configured network service took a mapping table maintained by hand.',
     'Every domain keeps its own Service, but all carry the canonical core: service_id (SVC- and ten digits, issued '
         || 'by provisioning when an order is fulfilled), service_type from the product catalogue, and a lifecycle '
         || 'in the shared vocabulary planned, active, suspended, terminated. Network owns topology, product owns '
         || 'commercial terms, billing owns rated-event linkage.',
     'Domains map their internal states to the shared lifecycle and may add attributes of their own, never redefine '
         || 'the core. Existing keys are migrated to service_id; products that cannot are refused at publication.'),
    ('Customer', 'One customer identifier across care and billing',
     'Care and billing identified customers by account numbers of their own systems.',
     'customer_id (CUS- and eight digits), issued by care, is the one customer key; segment is owned by product.',
     'Billing accounts stay a billing concept and reference customer_id.'),
    ('Product', 'Catalogue offerings are identified by the product catalogue',
     'Sales, billing and provisioning referred to offerings by name, which changed with marketing campaigns.',
     'product_id (PRD- and six digits) from the product catalogue identifies an offering everywhere.',
     'Renaming an offering no longer breaks reports; product_state says whether it can be sold.'),
    ('Order', 'One order identifier from capture to fulfilment',
     'Orders were re-keyed when they passed from capture to provisioning, so their progress could not be followed.',
     'order_id (ORD- and ten digits) is issued at capture and kept through fulfilment; order_state uses the shared '
         || 'vocabulary acknowledged, in-progress, completed, failed, cancelled.',
     'Provisioning is the system of record for order state.')
) as d (entity, title, context, decision, consequences) on d.entity = e.name;

insert into canonical_entity_revision (entity_id, revision, changed_at, changed_by, decision_id, summary, snapshot)
select e.id, 1, now(), 'council', d.id, 'The council''s first shape of ' || e.name,
       jsonb_build_object(
           'identifierAttribute', e.identifier_attribute,
           'identifierFormat', e.identifier_format,
           'lifecycleVocabulary', e.lifecycle_vocabulary,
           'attributes', (select jsonb_agg(jsonb_build_object('name', a.name, 'dataType', a.data_type,
                                                             'systemOfRecord', a.system_of_record,
                                                             'mandatory', a.mandatory) order by a.position)
                          from canonical_attribute a where a.entity_id = e.id))
from canonical_entity e join decision_record d on d.entity_id = e.id;

create table glossary_term (
    id                  bigint generated always as identity primary key,
    domain_id           bigint       not null references domain (id),
    term                varchar(100) not null,
    definition          text         not null,
    -- "Service" or "Service.service_type": the canonical concept this local term corresponds to, if any.
    canonical           varchar(200),
    updated_at          timestamptz  not null,
    updated_by          varchar(320) not null,
    lock_version        integer      not null default 0
);

create unique index glossary_term_domain_term_idx on glossary_term (domain_id, lower(term));
create index glossary_term_canonical_idx on glossary_term (canonical) where canonical is not null;
