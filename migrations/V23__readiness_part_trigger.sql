-- Readiness (issue 14; docs/readiness.md): the V19 trigger on a submitted assessment's answers and plan items named
-- old.done_at in one condition for both tables. PL/pgSQL resolves every field of such an expression, so a change to an
-- answer of a submitted assessment failed with "record old has no field done_at" (an insert with "record old is not
-- assigned yet") instead of the refusal meant for it. Still refused, but not saying why. The same rule, with the plan
-- item's exception tested only on the plan item table and only for an update.
create or replace function readiness_refuse_submitted_part() returns trigger language plpgsql as $$
declare
    target bigint := case when tg_op = 'DELETE' then old.assessment_id else new.assessment_id end;
begin
    if exists (select 1 from readiness_assessment where id = target and state = 'submitted') then
        if tg_table_name = 'readiness_plan_item' and tg_op = 'UPDATE' then
            -- Tracking a plan item to done is the one change a submitted assessment allows.
            if old.done_at is null and new.done_at is not null and new.done_by is not null
                    and (new.assessment_id, new.criterion, new.position, new.action, new.owner, new.target_date)
                        is not distinct from
                        (old.assessment_id, old.criterion, old.position, old.action, old.owner, old.target_date) then
                return new;
            end if;
        end if;
        raise exception 'readiness assessment % was submitted and cannot change', target
            using errcode = 'P0001', hint = 'start a new draft';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
