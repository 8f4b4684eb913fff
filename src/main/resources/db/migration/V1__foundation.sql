-- Ids come from sequences that hand out blocks of 50, so Hibernate can batch inserts of many results.
create sequence host_seq increment by 50;
create sequence scan_run_seq increment by 50;
create sequence offer_seq increment by 50;
create sequence probe_result_seq increment by 50;
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

-- One scan of (part of) the inventory.
create table scan_run (
    id           bigint primary key,
    trigger      text        not null,
    status       text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    total        integer     not null default 0,
    done         integer     not null default 0
);
-- At most one running scan, whatever the number of service instances.
create unique index scan_run_one_running on scan_run ((status)) where status = 'running';

-- A distinct set of ten KEXINIT name-lists. Identical offers are stored once and shared by results.
create table offer (
    id      bigint primary key,
    sha256  bytea not null unique,
    lists   jsonb not null
);

-- What one probe of one host in one scan found.
create table probe_result (
    id                bigint primary key,
    scan_id           bigint      not null references scan_run (id) on delete cascade,
    host_id           bigint      not null references host (id) on delete cascade,
    outcome           text        not null,
    detail            text        not null,
    identification    text,
    pre_identification jsonb      not null default '[]'::jsonb,
    resolved_address  text,
    offer_id          bigint references offer (id),
    duration_ms       integer     not null,
    probed_at         timestamptz not null,
    constraint probe_result_scan_host_key unique (scan_id, host_id)
);
create index probe_result_host_latest on probe_result (host_id, probed_at desc);

-- What the policies in force said about a result.
create table finding (
    id               bigint primary key,
    probe_result_id  bigint not null references probe_result (id) on delete cascade,
    policy_id        text   not null,
    policy_version   text   not null,
    rule_id          text   not null,
    severity         text   not null,
    category         text   not null,
    direction        text,
    names            jsonb  not null,
    evidence         jsonb  not null,
    rationale        text   not null,
    source           text   not null,
    remediation      text   not null
);
create index finding_result on finding (probe_result_id);
