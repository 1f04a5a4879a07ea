-- Indexes for governance's bounded lists (issue 12): every list a canonical entity shows is read one page at a time or
-- counted in SQL, through the catalog's read views (V7/V8), whose queries PostgreSQL inlines onto these tables.

-- An entity's columns are found by the prefix of their canonical attribute ("Service." up to "Service/"), compared
-- byte-wise (~>=~ ~<~) so that this index serves the range whatever the database's collation. version_id rides along
-- so that counting implementing products reads the index only.
create index if not exists schema_column_canonical_prefix_idx
    on schema_column (canonical_attribute text_pattern_ops, version_id)
    where canonical_attribute is not null;

-- From a mapped column to the product whose current version holds it (the views join on it): without this index the
-- join scans every product.
create index if not exists data_product_current_version_idx on data_product (current_version_id);

-- Implementations are listed most recently changed first, then by key (the keyset cursor of the implementations page).
create index if not exists data_product_updated_key_idx on data_product (updated_at desc, key);

-- The compliance findings list: products that are failing or warning, the only ones it reads.
create index if not exists data_product_noncompliant_idx on data_product (compliance, key)
    where compliance in ('failing', 'warning');

-- Untagged columns (neither canonical attribute nor classification), counted and listed by the compliance dashboard:
-- a small share of all columns, found without reading the others.
create index if not exists schema_column_untagged_idx on schema_column (version_id)
    where canonical_attribute is null and classification is null;
