-- Every change to the catalog is recorded: who, what, when, and a short before/after summary.
create table audit_event (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz  not null,
    actor         varchar(320) not null,
    action        varchar(60)  not null,
    subject_type  varchar(40)  not null,
    subject_key   varchar(200) not null,
    domain_key    varchar(40),
    before_state  text,
    after_state   text
);

create index audit_event_occurred_idx on audit_event (occurred_at desc, id desc);
create index audit_event_domain_idx on audit_event (domain_key, occurred_at desc);
create index audit_event_subject_idx on audit_event (subject_type, subject_key, occurred_at desc);
