-- The profiles file (kexwatch.negotiation.profiles-file) is an import source like the policy directory: at
-- start its profiles replace those of origin 'file', so every replica serves them, with the file or without.
-- POST /api/profiles stores origin 'api' (every row so far came from there).
alter table client_profile
    -- 'file' (imported from kexwatch.negotiation.profiles-file) or 'api' (added over REST)
    add column origin text not null default 'api';
