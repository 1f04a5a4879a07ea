-- The domain map (issue 14, docs/domain-map.md): which domains depend on which, through the input ports of current
-- versions (custom property sourceProduct) and the consumers they declare. The whole map reads every current version
-- once; a domain's page asks about one domain and must not, so two indexes answer "who reads this domain's products"
-- and "which products declare this domain as a consumer" without scanning the catalog.

-- The domains an input-port list reads from: the part of each sourceProduct key before its dot (product keys are
-- <domain>.<slug>, checked by the descriptor reader). Immutable: it depends on its argument only.
create function catalog_source_domains(input_ports jsonb) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(distinct split_part(port ->> 'sourceProduct', '.', 1)), '{}')
    from jsonb_array_elements(case when jsonb_typeof(input_ports) = 'array' then input_ports else '[]' end) port
    where port ->> 'sourceProduct' is not null
$$;

create index product_version_source_domains_idx on product_version using gin (catalog_source_domains(input_ports));

-- Declared consumers by domain key (consumers @> '[{"domain": "billing"}]'); the reader accepts only lowercase keys,
-- so containment is the case-insensitive comparison the map's definition asks for.
create index product_version_consumers_idx on product_version using gin (consumers jsonb_path_ops);
