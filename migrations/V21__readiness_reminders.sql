-- Stale-assessment reminders (issue 14; docs/readiness-council.md). One row per (domain, stale assessment): claimed
-- with "insert ... on conflict do nothing" in the same transaction as its outbox rows, so each stale assessment is
-- reminded of exactly once, whatever the number of replicas or threads; a new submission is a new assessment id and
-- starts a new cycle. The recipients are kept so that each delivery row names one of them (its recipient key).

create table readiness_reminder (
    id            bigint generated always as identity primary key,
    domain_key    varchar(40)  not null,
    assessment_id bigint       not null references readiness_assessment (id),
    submitted_at  timestamptz  not null,
    created_at    timestamptz  not null,
    unique (domain_key, assessment_id)
);

create index readiness_reminder_assessment_idx on readiness_reminder (assessment_id);

create table readiness_reminder_recipient (
    id          bigint generated always as identity primary key,
    reminder_id bigint        not null references readiness_reminder (id),
    address     varchar(320)  not null,
    -- Why this person is reminded: business-owner, technical-contact or owner-grant.
    reason      varchar(30)   not null,
    unique (reminder_id, address)
);
