-- Several service instances (replicas) on one database share a scan: the hosts of a run are claimed through
-- this table, a few at a time, so that no host is probed twice in a run and a dead replica's hosts are taken
-- over once its lease runs out.
create table scan_claim (
    scan_id      bigint  not null references scan_run (id) on delete cascade,
    host_id      bigint  not null references host (id) on delete cascade,
    -- The instance (kexwatch.instance.id) probing the host now, or that probed it; null while pending.
    claimed_by   text,
    -- A claim not done whose lease ran out belongs to a dead replica: any replica may take it over.
    lease_until  timestamptz,
    done         boolean not null default false,
    primary key (scan_id, host_id)
);
-- Replicas look for work here: the claims of a run not done yet.
create index scan_claim_pending on scan_claim (scan_id, lease_until) where not done;
-- Claims are taken in host order: without this index every claim sorts all pending hosts of the run.
create index scan_claim_pending_hosts on scan_claim (scan_id, host_id) where not done;

-- Replicas working on a run, each renewing its lease while it works (even between claims). A running run
-- with no live replica was cut off: start-up marks it interrupted.
create table scan_replica (
    scan_id      bigint      not null references scan_run (id) on delete cascade,
    instance_id  text        not null,
    alive_until  timestamptz not null,
    primary key (scan_id, instance_id)
);

alter table scan_run
    -- Set by a cancel on any replica; every replica working on the run stops taking hosts.
    add column cancel_requested boolean not null default false,
    -- The cron fire time of a scheduled run: every replica's scheduler fires at the same time, one run starts.
    add column scheduled_for timestamptz;
create unique index scan_run_scheduled_for on scan_run (scheduled_for);
