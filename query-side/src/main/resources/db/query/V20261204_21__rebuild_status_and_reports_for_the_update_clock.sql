-- Rebuild the status and reports projections from the first event on the next start: every stored row lacks the
-- update clock's columns (V20261204_20), and only a replay of the ledger fills them. As V20261203_11 (whose
-- comment says why the tables are emptied here rather than by the processors' reset): without a token a pooled
-- processor starts at the first event. The history projection is untouched. Reads answer from the refilling tables
-- meanwhile; with several query-side instances, stop them all before migrating, as for any rebuild.
DELETE FROM token_entry WHERE processor_name IN ('ticket-status', 'reports');
TRUNCATE ticket_status, report_ticket;
