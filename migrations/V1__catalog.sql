-- The catalog: domains, their data products, and each product's immutable published versions.

create table domain (
    id                bigint generated always as identity primary key,
    key               varchar(40)  not null unique,
    name              varchar(120) not null,
    description       text         not null default '',
    business_owner    varchar(200) not null,
    technical_contact varchar(200) not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    lock_version      integer      not null default 0
);

create table data_product (
    id                 bigint generated always as identity primary key,
    key                varchar(104) not null unique,
    domain_id          bigint       not null references domain (id),
    slug               varchar(63)  not null,
    external_id        varchar(200) not null,
    status             varchar(20)  not null check (status in ('draft', 'published', 'deprecated', 'retired')),
    current_version_id bigint,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    lock_version       integer      not null default 0,
    -- The standards' own id (an ODPS UUID) identifies a product across renames.
    unique (external_id)
);

create table product_version (
    id                bigint generated always as identity primary key,
    product_id        bigint        not null references data_product (id),
    version           varchar(64)   not null,
    major             integer       not null,
    minor             integer       not null,
    patch             integer       not null,
    title             varchar(200)  not null,
    purpose           text          not null,
    limitations       text,
    usage             text,
    declared_status   varchar(20)   not null,
    classification    varchar(20)   check (classification in ('public', 'internal', 'confidential', 'restricted')),
    owner_name        varchar(200),
    owner_email       varchar(320)  not null,
    team_name         varchar(200),
    team              jsonb         not null default '[]',
    support           jsonb         not null default '[]',
    tags              jsonb         not null default '[]',
    output_ports      jsonb         not null default '[]',
    input_ports       jsonb         not null default '[]',
    consumers         jsonb         not null default '[]',
    lifecycle_mapping jsonb         not null default '[]',
    sla_freshness     varchar(200),
    sla_availability  varchar(200),
    sla               jsonb         not null default '[]',
    changelog         text,
    content_hash      varchar(64)   not null,
    descriptor        text          not null,
    descriptor_format varchar(10)   not null check (descriptor_format in ('yaml', 'json')),
    published_at      timestamptz   not null,
    published_by      varchar(200)  not null,
    -- Versions are immutable and unique per product: two concurrent publications of one number cannot both land.
    unique (product_id, version)
);

alter table data_product
    add constraint data_product_current_version_fk foreign key (current_version_id) references product_version (id);

create index product_version_product_idx on product_version (product_id, major desc, minor desc, patch desc);
create index data_product_updated_idx on data_product (updated_at desc);

create table schema_column (
    id                  bigint generated always as identity primary key,
    version_id          bigint        not null references product_version (id),
    position            integer       not null,
    object_name         varchar(128)  not null,
    name                varchar(256)  not null,
    logical_type        varchar(40),
    physical_type       varchar(120),
    description         text,
    required            boolean       not null,
    primary_key         boolean       not null,
    classification      varchar(20)   check (classification in ('public', 'internal', 'confidential', 'restricted')),
    pii                 boolean       not null,
    access_note         varchar(1000),
    canonical_attribute varchar(200),
    tags                jsonb         not null default '[]',
    unique (version_id, object_name, name)
);

create index schema_column_version_idx on schema_column (version_id, position);
create index schema_column_canonical_idx on schema_column (canonical_attribute) where canonical_attribute is not null;
