-- SSH clients captured by the service's listener (kexwatch.listen.port): what each client sent before any key
-- exchange. Every replica may listen and writes here; every replica lists the rows of all. Client text arrives
-- escaped (no NUL, no control character: see probe.ServerText), and the listener bounds a client to 320 KiB.
create table captured_client (
    id               bigserial   primary key,
    -- The client's identification line, e.g. SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3 (at most 255 bytes).
    identification   text        not null,
    -- Where the client connected from: 127.0.0.1:50522 or [::1]:50522.
    peer             text        not null,
    -- The replica (kexwatch.instance.id) whose listener captured it.
    replica          text        not null,
    -- The ten name-lists of the client's KEXINIT keyed by list (kex, host_key, cipher_c2s, ..., language_s2c),
    -- each in the client's order, markers such as ext-info-c included.
    lists            jsonb       not null,
    -- The client policy's verdict at capture time: its id, whether the client complies, the worst severity
    -- (a Severity enum name, null when compliant) and the rule ids of its findings.
    policy_id        text        not null,
    compliant        boolean     not null,
    worst_severity   text,
    finding_rules    jsonb       not null,
    captured_at      timestamptz not null
);
create index captured_client_captured_at on captured_client (captured_at desc, id desc);
