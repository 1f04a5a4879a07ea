-- Continuous compliance: what products report about their data, and how each product stands against the rules.

create table product_measurement (
    id                bigint generated always as identity primary key,
    product_id        bigint       not null references data_product (id),
    -- The version that was current when the measurement arrived: completeness is judged against its mappings.
    version_id        bigint       not null references product_version (id),
    measured_at       timestamptz  not null,
    received_at       timestamptz  not null,
    reported_by       varchar(320) not null,
    last_refreshed_at timestamptz  not null,
    -- Percent of rows in which each canonical attribute is filled in, e.g. {"Service.service_id": 99.97}.
    completeness      jsonb        not null default '{}'
);

create index product_measurement_product_idx on product_measurement (product_id, id desc);

-- Every evaluation of a product (after a publication, a measurement, or when data went stale), for the trend.
create table compliance_evaluation (
    id               bigint generated always as identity primary key,
    product_id       bigint       not null references data_product (id),
    evaluated_at     timestamptz  not null,
    rule_set_version integer      not null references rule_set_version (version),
    status           varchar(10)  not null check (status in ('passing', 'warning', 'failing')),
    trigger          varchar(20)  not null check (trigger in ('publication', 'measurement', 'staleness')),
    findings         jsonb        not null default '[]'
);

create index compliance_evaluation_product_idx on compliance_evaluation (product_id, id desc);
create index compliance_evaluation_time_idx on compliance_evaluation (evaluated_at);

-- The latest status, on the product itself so that search and lists show it without a join.
alter table data_product add column compliance varchar(10)
    check (compliance in ('passing', 'warning', 'failing'));

insert into governance_rule (id, position, category, statement, severity, parameters, enforced_at, updated_at, updated_by)
values ('data-fresh', 10, 'quality',
        'A data product''s data is refreshed at least as often as agreed: its last refresh, as reported, is no older '
            || 'than the agreed number of hours.',
        'warning', '{"maximumAgeHours": 48}', 'measurement', now(), 'council');

insert into rule_set_version (version, created_at, created_by, summary, rules)
select (select coalesce(max(version), 0) + 1 from rule_set_version), now(), 'council',
       'Adds data-fresh (refresh at least every 48 hours, as measured)',
       jsonb_agg(jsonb_build_object('id', id, 'severity', severity, 'parameters', parameters) order by position)
from governance_rule;
