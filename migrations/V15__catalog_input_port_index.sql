-- Who depends on a product: the deprecation feature reaches the owners of products whose current version declares it
-- as an input port (catalog.lifecycle.ProductLifecycle.downstream). A containment index keeps that lookup independent
-- of the catalog's size.
create index product_version_input_ports_idx on product_version using gin (input_ports jsonb_path_ops);
