-- Personal data in the history (docs/security.md, "Personal data"): each entry that holds a data subject's personal
-- data (a ticket's opening: its reporter; a note marked as the reporter's personal data) names the subject by
-- reference, so that the subject's PersonalDataErased finds the entries to overwrite with "[erased]". The column
-- is filled by a rebuild of the history from the first event, on the next start of the query side (without a
-- token a pooled processor starts at the ledger's first event; its @ResetHandler is not called on that path, so
-- the table is emptied here). Reads answer from the refilling table meanwhile. With several query-side instances,
-- stop them all before migrating, as for any rebuild.
ALTER TABLE ticket_history ADD COLUMN subject_ref CHAR(64);
CREATE INDEX ticket_history_subject ON ticket_history (subject_ref) WHERE subject_ref IS NOT NULL;
DELETE FROM token_entry WHERE processor_name = 'ticket-history';
TRUNCATE ticket_history;
