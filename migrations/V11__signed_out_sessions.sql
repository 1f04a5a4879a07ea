-- Sign-ins that were ended (docs/identity.md "Signing out"). Every replica reads this table, so a session cookie or a
-- token of a signed-out session is refused wherever it is presented, until the session would have expired anyway.
-- Rows are pruned when a sign-out is recorded, so the table holds at most the sign-outs of one session lifetime.
create table signed_out_session (
    -- 'sid:<the provider's session id>', 'sub:<subject>' (a provider sign-out of every session of a person) or
    -- 'id-token-sha256:<hex>' (a session whose ID token carries no sid)
    session_key   text        primary key,
    -- tokens of the session issued at or before this instant (the provider's clock, from the tokens' iat) are refused;
    -- a later sign-in that the provider gives the same session id is not
    issued_up_to  timestamptz not null,
    -- after this the session's cookie has expired anyway, and the row may go
    refused_until timestamptz not null,
    signed_out_at timestamptz not null
);

create index signed_out_session_refused_until_idx on signed_out_session (refused_until);
