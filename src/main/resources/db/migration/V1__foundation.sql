-- Ids come from sequences that hand out blocks of 50, so Hibernate can batch inserts of many rows.
create sequence host_seq increment by 50;
create sequence scan_run_seq increment by 50;
create sequence offer_seq increment by 50;
create sequence observation_seq increment by 50;
create sequence finding_seq increment by 50;

-- Hosts to scan. (address, port) is the identity of a host; labels are free key/value pairs.
create table host (
    id          bigint primary key,
    address     text        not null,
    port        integer     not null check (port between 1 and 65535),
    labels      jsonb       not null default '{}'::jsonb,
    enabled     boolean     not null default true,
    created_at  timestamptz not null default now(),
    constraint host_address_port_key unique (address, port)
);
create index host_labels on host using gin (labels jsonb_path_ops);

-- One scan of the inventory, or of the hosts a label selector picks.
create table scan_run (
    id           bigint primary key,
    trigger      text        not null,
    selector     jsonb       not null default '{}'::jsonb,
    status       text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    total        integer     not null default 0,
    done         integer     not null default 0,
    -- Counts by outcome and by compliance state when the scan ended: trends read these, not the results.
    summary      jsonb       not null default '{}'::jsonb
);
-- At most one running scan, whatever the number of service instances.
create unique index scan_run_one_running on scan_run ((status)) where status = 'running';

-- A distinct set of ten KEXINIT name-lists. Identical offers are stored once and shared.
create table offer (
    id      bigint primary key,
    sha256  bytea not null unique,
    lists   jsonb not null
);

-- A run of identical results of one host: same outcome, same offer, same software version, from scan
-- first_scan_id to last_scan_id. An unchanged host costs an in-place update of this row per scan, not a
-- new row (no index covers the columns that change, so PostgreSQL can update it on the same page).
create table observation (
    id                 bigint primary key,
    host_id            bigint      not null references host (id) on delete cascade,
    -- No foreign key: a run that started in a scan past retention still holds the host's current state.
    first_scan_id      bigint      not null,
    last_scan_id       bigint      not null,
    seen               integer     not null default 1,
    first_seen_at      timestamptz not null,
    last_seen_at       timestamptz not null,
    outcome            text        not null,
    detail             text        not null,
    identification     text,
    pre_identification jsonb       not null default '[]'::jsonb,
    resolved_address   text,
    offer_id           bigint references offer (id)
) with (fillfactor = 70);
create index observation_host on observation (host_id, id desc);
create index observation_first_scan on observation (first_scan_id);

-- What the policies in force said about an observation.
create table finding (
    id               bigint primary key,
    observation_id   bigint  not null references observation (id) on delete cascade,
    policy_id        text    not null,
    policy_version   text    not null,
    rule_id          text    not null,
    severity         text    not null,
    category         text    not null,
    direction        text,
    names            jsonb   not null,
    evidence         jsonb   not null,
    rationale        text    not null,
    source           text    not null,
    remediation      text    not null,
    -- Set when a waiver in force set the finding aside: kept as evidence, not counted against the host.
    waiver           text
);
create index finding_observation on finding (observation_id);

-- The read model of the latest state of every scanned host, so fleet reports never scan history.
create table host_status (
    host_id         bigint primary key references host (id) on delete cascade,
    observation_id  bigint  not null references observation (id) on delete cascade,
    -- The current offer (null when the host did not answer), copied here so "who offers X" needs no history.
    offer_id        bigint  references offer (id),
    state           text    not null,
    worst_severity  text,
    finding_count   integer not null,
    -- Expired waivers and names no catalog knows: what a report must say besides the findings.
    notes           jsonb   not null default '[]'::jsonb,
    -- A digest of the findings and notes, so an unchanged verdict costs no write.
    verdict         bytea   not null
) with (fillfactor = 70);
create index host_status_state on host_status (state);
create index host_status_offer on host_status (offer_id);
