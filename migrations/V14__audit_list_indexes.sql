-- The audit log is listed newest first, (occurred_at desc, id desc), and read a page at a time with a keyset cursor
-- (issue 12): each filter the log offers gets an index in that order, so that a page of a filtered list is an index
-- range read of size + 1 rows however long the log grows. The subject filter names the key alone (the old subject
-- index began with subject_type, so it served no filter); the actor filter compares case-insensitively.
create index audit_event_domain_at_idx on audit_event (domain_key, occurred_at desc, id desc);
create index audit_event_action_at_idx on audit_event (action, occurred_at desc, id desc);
create index audit_event_actor_at_idx on audit_event (lower(actor), occurred_at desc, id desc);
create index audit_event_subject_at_idx on audit_event (subject_key, occurred_at desc, id desc);

-- Superseded by the indexes above (same leading columns, without the unique tie-breaker).
drop index audit_event_domain_idx;
drop index audit_event_subject_idx;
