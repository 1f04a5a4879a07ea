-- Domain ownership granted in the portal by admins, beside the ownership that comes from the identity provider's
-- groups (/domains/<key>/owners).
create table domain_owner_grant (
    id          bigint generated always as identity primary key,
    domain_id   bigint       not null references domain (id),
    username    varchar(320) not null,
    granted_by  varchar(320) not null,
    granted_at  timestamptz  not null,
    unique (domain_id, username)
);

create index domain_owner_grant_username_idx on domain_owner_grant (lower(username));
