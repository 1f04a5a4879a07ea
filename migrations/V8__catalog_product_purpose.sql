-- Lists outside the catalog (a canonical entity's implementations) show each product's purpose reduced to plain text,
-- so the catalog's read view offers the current version's purpose. A replaced view may only add columns at its end.
create or replace view catalog_product as
select p.id, p.key, p.slug, p.status, p.compliance, p.current_version_id, p.updated_at,
       d.key as domain_key, d.name as domain_name,
       v.version, v.title, v.lifecycle_mapping,
       coalesce(jsonb_array_length(v.consumers), 0) as consumer_count,
       v.purpose
from data_product p
join domain d on d.id = p.domain_id
left join product_version v on v.id = p.current_version_id;
