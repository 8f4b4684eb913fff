-- "Non-compliant hosts at high or worse" reads only those hosts' status, not every host's.
create index host_status_severity on host_status (worst_severity);
