-- Issue 12: the catalog's lists are read a page at a time (keyset paging) and its summaries count in SQL; these
-- indexes serve their orders so that a page costs the same at 100 000 products as at 10.
-- (GET /api/products without a domain walks the unique index on data_product (key); a product's versions walk
-- product_version_product_idx (product_id, major desc, minor desc, patch desc) from V1.)

-- A domain's products by key: /api/products?domain=, /api/domains/{key}/products.
create index data_product_domain_key_idx on data_product (domain_id, key);

-- A domain's most recently published products (updated_at is written by each publication), newest first.
create index data_product_domain_updated_idx on data_product (domain_id, updated_at desc, id desc);

-- A domain's products counted by status (domain summary, domain list, home page): an index-only scan.
create index data_product_domain_status_idx on data_product (domain_id, status);

-- The domain list in the order (name, key).
create index domain_name_key_idx on domain (name, key);

-- The home page's latest publications (the 8 newest versions of the whole catalog) without sorting every version.
create index product_version_published_idx on product_version (published_at desc, id desc);
