-- The council's classification vocabulary (issue 11 A4): names other tools write for a classification level,
-- read as that level with a warning. The four levels themselves stay fixed (their order decides a product's label).
create table classification_alias (
    alias          varchar(40)  primary key check (alias = lower(btrim(alias)) and length(alias) > 0),
    classification varchar(20)  not null check (classification in ('public', 'internal', 'confidential', 'restricted')),
    created_at     timestamptz  not null,
    created_by     varchar(320) not null
);

-- datacontract-cli exports write 'sensitive' for data the council classifies as confidential.
insert into classification_alias (alias, classification, created_at, created_by)
values ('sensitive', 'confidential', now(), 'signalbox');
