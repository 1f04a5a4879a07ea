-- The freshness watch's runs between its hourly walks look only at watched products whose at-risk time or deadline
-- has passed in their current state (docs/freshness.md, "The watch"), in product id order: a partial index over the
-- products that can still move by time alone, carrying the times the run compares.
create index freshness_state_due_idx on freshness_state (product_id) include (state, at_risk_from, deadline)
    where unwatched_at is null and state in ('on_time', 'at_risk');
