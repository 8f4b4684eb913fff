-- Client profiles added over REST (POST /api/compatibility/profiles), kept across restarts. Built-in profiles
-- and the optional profiles file are not stored: they come from the classpath and the file at every start.
create table client_profile (
    id        text        primary key,
    name      text        not null,
    version   text        not null,
    source    text        not null,
    -- The negotiated name-lists keyed by list (kex, host_key, cipher_c2s, ...), client order kept.
    lists     jsonb       not null,
    added_at  timestamptz not null
);
