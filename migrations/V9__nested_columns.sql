-- Fields nested in a column (an object's properties, an array's items) are columns of their own, named by their path
-- (address.city, lines[].sku, tags[]). Each row says which column contains it and how deep it lies, so that pages and
-- the API need not guess structure from names that may themselves contain dots; and whether its classification is its
-- own or its container's (docs/descriptor.md §7).
alter table schema_column add column parent_name varchar(256);
alter table schema_column add column depth integer not null default 0;
alter table schema_column add column classification_inherited boolean not null default false;

-- Versions read before V9 stored an object's fields as parent.child without saying so: link each to the column its
-- name continues when that column is in the same table of the same version, then count the levels. Their
-- classifications stay as they were declared (nothing was inherited then).
update schema_column c
   set parent_name = p.name
  from schema_column p
 where c.name like '%.%'
   and p.version_id = c.version_id
   and p.object_name = c.object_name
   and p.name = regexp_replace(c.name, '\.[^.]*$', '');

with recursive nesting (id, version_id, object_name, name, depth) as (
    select id, version_id, object_name, name, 0 from schema_column where parent_name is null
    union all
    select c.id, c.version_id, c.object_name, c.name, n.depth + 1
      from schema_column c
      join nesting n on n.version_id = c.version_id and n.object_name = c.object_name and n.name = c.parent_name
)
update schema_column s set depth = n.depth from nesting n where s.id = n.id and n.depth > 0;

alter table schema_column add constraint schema_column_depth_check
    check (depth >= 0 and (depth = 0) = (parent_name is null));
