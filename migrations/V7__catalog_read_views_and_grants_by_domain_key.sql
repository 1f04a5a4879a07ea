-- What the catalog offers other features to read in SQL (governance's dashboards, reports and sweeps): each product
-- with its domain and current version, and the columns of current versions. Other features read these views, never
-- the catalog's tables, so the catalog can change its tables and keep the views' shape. PostgreSQL inlines views, so
-- a query on them costs what the same query on the tables would.
create view catalog_product as
select p.id, p.key, p.slug, p.status, p.compliance, p.current_version_id, p.updated_at,
       d.key as domain_key, d.name as domain_name,
       v.version, v.title, v.lifecycle_mapping,
       coalesce(jsonb_array_length(v.consumers), 0) as consumer_count
from data_product p
join domain d on d.id = p.domain_id
left join product_version v on v.id = p.current_version_id;

create view catalog_current_column as
select p.id as product_id, p.key as product_key, p.status as product_status, c.version_id, c.position,
       c.object_name, c.name, c.logical_type, c.classification, c.pii, c.canonical_attribute
from data_product p
join schema_column c on c.version_id = p.current_version_id;

-- Ownership grants name their domain by key, the identifier every feature shares, so that identity needs none of the
-- catalog's classes. The foreign key keeps grants to registered domains only; keys never change.
alter table domain_owner_grant add column domain_key varchar(40);
update domain_owner_grant g set domain_key = d.key from domain d where d.id = g.domain_id;
alter table domain_owner_grant alter column domain_key set not null;
alter table domain_owner_grant add constraint domain_owner_grant_domain_key_fk
    foreign key (domain_key) references domain (key);
alter table domain_owner_grant drop constraint domain_owner_grant_domain_id_username_key;
alter table domain_owner_grant drop column domain_id;
alter table domain_owner_grant add constraint domain_owner_grant_domain_key_username_key unique (domain_key, username);
