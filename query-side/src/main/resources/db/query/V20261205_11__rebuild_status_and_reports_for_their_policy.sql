-- Rebuild the status and reports projections from the first event on the next start: the rows stored before
-- V20261205_10 read as version 1 of standard whatever their opening says, and only a replay of the ledger fills in
-- each ticket's own policy (as V20261204_21, whose comment says why the tables are emptied
-- here rather than by the processors' reset). The history projection is untouched. With several query-side
-- instances, stop them all before migrating, as for any rebuild.
DELETE FROM token_entry WHERE processor_name IN ('ticket-status', 'reports');
TRUNCATE ticket_status, report_ticket;
