-- Issue 12: the deep handshake's host keys and group-exchange sizes, stored like offers: a distinct deep result
-- (every key and group a server showed) is stored once however many hosts and scans share it (cloned images share
-- theirs), and a host's history is runs of identical results with first and last seen.
create sequence deep_result_seq increment by 50;
create sequence deep_observation_seq increment by 50;

create table deep_result (
    id             bigint primary key,
    sha256         bytea not null unique,
    -- The group-exchange method the size requests used; '' when the server offers none.
    gex_algorithm  text  not null
);

-- One key exchange asking for one host-key algorithm. Key columns are null when the exchange ended before the
-- key was read (outcome says why).
create table deep_host_key (
    deep_result_id      bigint  not null references deep_result (id) on delete cascade,
    ordinal             integer not null,
    algorithm           text    not null,
    outcome             text    not null,
    detail              text    not null,
    key_type            text,
    bits                integer,
    fingerprint         text,
    signature_verified  boolean not null,
    -- The host certificate's fields (null for a plain key), and its expiry for "expiring within N days".
    certificate         jsonb,
    cert_valid_before   timestamptz,
    primary key (deep_result_id, ordinal)
);
create index deep_host_key_fingerprint on deep_host_key (fingerprint);

-- One group-size request (RFC 4419 §3) and the size of the prime the server answered with (null: none).
create table deep_gex_group (
    deep_result_id  bigint  not null references deep_result (id) on delete cascade,
    ordinal         integer not null,
    min_bits        integer not null,
    preferred_bits  integer not null,
    max_bits        integer not null,
    bits            integer,
    outcome         text    not null,
    primary key (deep_result_id, ordinal)
);

-- A run of identical deep results of one host. The run covers the scans from first to last whose deep pass saw it
-- (the deep pass runs after a scan, on its own cadence, so a run's scans need not be consecutive).
create table deep_observation (
    id              bigint primary key,
    host_id         bigint      not null references host (id) on delete cascade,
    deep_result_id  bigint      not null references deep_result (id),
    first_scan_id   bigint      not null,
    last_scan_id    bigint      not null,
    seen            integer     not null,
    first_seen_at   timestamptz not null,
    last_seen_at    timestamptz not null
);
create index deep_observation_host on deep_observation (host_id, first_scan_id);
create index deep_observation_first_scan on deep_observation (first_scan_id);

-- Each host's current deep run and when its next deep handshake is due: the read model of the fleet views, and
-- the claim replicas take (an update that moves next_due_at) so no host is deep-probed twice in one cadence.
create table host_deep (
    host_id              bigint primary key references host (id) on delete cascade,
    deep_observation_id  bigint references deep_observation (id) on delete set null,
    next_due_at          timestamptz not null
);
