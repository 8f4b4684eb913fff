-- The enabled hosts of the whole fleet when a scan began: only a finished scan that covered them (or the share
-- kexwatch.metrics.successful-scan-share of them) counts as a successful scan of the fleet, so a label scan of
-- a few hosts, or of none, cannot silence the staleness alert. Earlier whole-fleet scans covered what they saw.
alter table scan_run add column fleet_hosts integer;
update scan_run set fleet_hosts = total where selector = '{}'::jsonb;
