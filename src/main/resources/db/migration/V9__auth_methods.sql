-- Login methods of hosts, from the opt-in auth-methods probe (kexwatch.auth-methods.*): what a server listed after
-- a `none` request for the probe user (RFC 4252 §5.2), and whether `none` itself let the user in.
create sequence auth_observation_seq increment by 50;

-- A run of identical answers of one host, like observation: the same user, methods (in the server's order) and
-- noneAccepted from first_seen_at to last_seen_at. A method that appears or goes away starts a new row, so the
-- rows are the host's history and two rows side by side are its drift. The scan ids are those of the KEXINIT
-- result the probe followed.
create table auth_observation (
    id             bigint primary key,
    host_id        bigint      not null references host (id) on delete cascade,
    first_scan_id  bigint      not null,
    last_scan_id   bigint      not null,
    seen           integer     not null default 1,
    first_seen_at  timestamptz not null,
    last_seen_at   timestamptz not null,
    probe_user     text        not null,
    methods        jsonb       not null,
    none_accepted  boolean     not null
) with (fillfactor = 70);
create index auth_observation_host on auth_observation (host_id, id desc);
create index auth_observation_first_scan on auth_observation (first_scan_id);

-- When a replica last took a host for the probe: replicas claim a host by moving claimed_at forward past the
-- period, so each host is probed once per period whatever the number of replicas. A failed probe leaves the last
-- answer in auth_observation and says why here.
create table auth_probe_claim (
    host_id     bigint      primary key references host (id) on delete cascade,
    claimed_at  timestamptz not null,
    error       text
);
