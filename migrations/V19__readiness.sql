-- Readiness assessments (issue 14; docs/readiness.md): the council's versioned questionnaire of the six criteria of
-- the article's Step 3, each domain's drafts and submitted assessments, capability-building plan items, the council's
-- waivers of red criteria and its onboarding decisions. Domains are named by key: the readiness feature never joins
-- the catalog's tables.

create table readiness_questionnaire (
    version    integer      primary key,
    created_at timestamptz  not null,
    created_by varchar(320) not null,
    summary    text         not null default '',
    -- [{"criterion": "business-ownership", "title": "Business ownership", "question": "..."}], in order, all six.
    criteria   jsonb        not null
);

insert into readiness_questionnaire (version, created_at, created_by, summary, criteria)
values (1, now(), 'council', 'The six criteria of the readiness assessment (Step 3)', '[
  {"criterion": "business-ownership", "title": "Business ownership",
   "question": "Can you name the business leader accountable for data quality, not just the technical team?"},
  {"criterion": "consumer-awareness", "title": "Consumer awareness",
   "question": "Does the domain team know who depends on their data and what they use it for?"},
  {"criterion": "data-knowledge", "title": "Data knowledge",
   "question": "Can the team describe the lineage and meaning of their key datasets without asking someone else?"},
  {"criterion": "change-authority", "title": "Change authority",
   "question": "Can this team make schema changes without a central team approving each one?"},
  {"criterion": "capacity", "title": "Capacity",
   "question": "Does the team have bandwidth to take on data product ownership alongside their operational work?"},
  {"criterion": "sla-readiness", "title": "SLA readiness",
   "question": "Can this team commit to and measure freshness and uptime for their data?"}
]');

create table readiness_assessment (
    id                    bigint generated always as identity primary key,
    domain_key            varchar(40)  not null,
    questionnaire_version integer      not null references readiness_questionnaire (version),
    state                 varchar(10)  not null check (state in ('draft', 'submitted')),
    -- The submission this draft started from (its answers and open plan items were copied), if any.
    started_from          bigint       references readiness_assessment (id),
    created_at            timestamptz  not null,
    created_by            varchar(320) not null,
    updated_at            timestamptz  not null,
    updated_by            varchar(320) not null,
    submitted_at          timestamptz,
    submitted_by          varchar(320),
    -- Fixed at submission (Verdict.of without waivers); waivers made later are read beside it.
    verdict               varchar(30)  check (verdict in ('ready-to-pilot', 'needs-capability-building')),
    -- Some self-score is two levels better than the catalog's evidence (green against red evidence).
    diverges              boolean      not null default false,
    lock_version          integer      not null default 0,
    check ((state = 'submitted') = (submitted_at is not null and submitted_by is not null and verdict is not null))
);

-- At most one open draft per domain.
create unique index readiness_assessment_one_draft on readiness_assessment (domain_key) where state = 'draft';
create index readiness_assessment_submitted_idx on readiness_assessment (domain_key, submitted_at desc, id desc)
    where state = 'submitted';

create table readiness_answer (
    id             bigint generated always as identity primary key,
    assessment_id  bigint       not null references readiness_assessment (id) on delete cascade,
    criterion      varchar(30)  not null check (criterion in ('business-ownership', 'consumer-awareness',
                                    'data-knowledge', 'change-authority', 'capacity', 'sla-readiness')),
    score          varchar(5)   check (score in ('green', 'amber', 'red')),
    justification  text,
    -- The catalog's evidence when the answer was last saved (level and facts), kept so history stays as it was seen.
    evidence_level varchar(5)   check (evidence_level in ('green', 'amber', 'red')),
    evidence       jsonb        not null default '{}',
    unique (assessment_id, criterion)
);

create table readiness_plan_item (
    id            bigint generated always as identity primary key,
    assessment_id bigint        not null references readiness_assessment (id) on delete cascade,
    criterion     varchar(30)   not null,
    position      integer       not null,
    action        varchar(1000) not null,
    owner         varchar(320)  not null,
    target_date   date          not null,
    done_at       timestamptz,
    done_by       varchar(320)
);

create index readiness_plan_item_assessment_idx on readiness_plan_item (assessment_id, position);
create index readiness_plan_item_open_idx on readiness_plan_item (target_date) where done_at is null;

-- The council's waiver of one red criterion of a submitted assessment: counts as amber until it expires.
create table readiness_waiver (
    id            bigint generated always as identity primary key,
    assessment_id bigint        not null references readiness_assessment (id),
    criterion     varchar(30)   not null,
    reason        varchar(2000) not null,
    expires_on    date          not null,
    waived_at     timestamptz   not null,
    waived_by     varchar(320)  not null,
    unique (assessment_id, criterion)
);

-- The council's onboarding decision for a domain (Step 1's list of decisions); the newest row is the decision.
create table readiness_onboarding_decision (
    id            bigint generated always as identity primary key,
    domain_key    varchar(40)   not null,
    decision      varchar(30)   not null check (decision in ('ready-to-pilot', 'needs-capability-building',
                                    'stays-on-central-tooling')),
    reason        varchar(4000) not null,
    decided_on    date          not null,
    decided_at    timestamptz   not null,
    decided_by    varchar(320)  not null,
    assessment_id bigint        references readiness_assessment (id)
);

create index readiness_onboarding_domain_idx on readiness_onboarding_decision (domain_key, id desc);

-- A submitted assessment is immutable: the database refuses changes too, whoever connects.
create function readiness_refuse_submitted_assessment() returns trigger language plpgsql as $$
begin
    if old.state = 'submitted' then
        raise exception 'readiness assessment % was submitted and cannot change', old.id
            using errcode = 'P0001', hint = 'start a new draft';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger readiness_assessment_immutable before update or delete on readiness_assessment
    for each row execute function readiness_refuse_submitted_assessment();

create function readiness_refuse_submitted_part() returns trigger language plpgsql as $$
declare
    target bigint := case when tg_op = 'DELETE' then old.assessment_id else new.assessment_id end;
begin
    if exists (select 1 from readiness_assessment where id = target and state = 'submitted') then
        -- Tracking a plan item to done is the one change a submitted assessment allows.
        if tg_table_name = 'readiness_plan_item' and tg_op = 'UPDATE' and old.done_at is null
                and new.done_at is not null and new.done_by is not null
                and (new.assessment_id, new.criterion, new.position, new.action, new.owner, new.target_date)
                    is not distinct from
                    (old.assessment_id, old.criterion, old.position, old.action, old.owner, old.target_date) then
            return new;
        end if;
        raise exception 'readiness assessment % was submitted and cannot change', target
            using errcode = 'P0001', hint = 'start a new draft';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger readiness_answer_immutable before insert or update or delete on readiness_answer
    for each row execute function readiness_refuse_submitted_part();
create trigger readiness_plan_item_immutable before insert or update or delete on readiness_plan_item
    for each row execute function readiness_refuse_submitted_part();
