-- What replicas share besides results. Each row counts the changes of one kind of shared state; a change bumps
-- its row in the transaction that makes it, and every replica polls the rows (kexwatch.shared.poll-every) to
-- reload what changed: 'policies' (policy_document), 'profiles' (client_profile), 'results' (scans finished,
-- hosts judged again, inventory edits: report caches are keyed by it).
create table shared_generation (
    name        text   primary key,
    generation  bigint not null default 0
);
insert into shared_generation (name) values ('policies'), ('profiles'), ('results');

-- The policies in force. The policy directory is an import source: at start (and when its files change) its
-- policies replace those of origin 'file'; PUT /api/policies stores origin 'api'. No replica writes files.
create table policy_document (
    id          text        primary key,
    -- 'file' (imported from kexwatch.policy.dir) or 'api' (installed over REST)
    origin      text        not null,
    -- the file's path or 'posted policy': where messages about the policy point
    source      text        not null,
    yaml        text        not null,
    updated_at  timestamptz not null
);

alter table host_status
    -- Optimistic lock: every write of the row checks and bumps it, so a re-judge that read the row before a
    -- scan stored a newer result fails instead of overwriting it.
    add column version bigint not null default 0,
    -- The ids of the policies that judged the current observation: a policy that never judged the host (it
    -- came in force since) must not count it as compliant.
    add column judged_by jsonb not null default '[]'::jsonb;
-- Rows written before this column existed were judged by the policies that applied then: the findings tell
-- only the failed ones, so they count as judged by none until they are judged again (at the first start, the
-- import of the policy directory re-judges every host).
