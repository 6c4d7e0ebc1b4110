-- Rebuild the status and reports projections from the first event, on the next start of the query side:
--   1. SLA targets now carry their unit (docs/domain.md, "Targets per priority"): HIGH's resolution and MEDIUM's
--      response are one business day (9 open hours), where the stored deadlines were computed for 24 open hours.
--      Due and at-risk instants are stored when an event moves the clock, so only a replay recomputes them.
--   2. The VENDOR queue's columns (V20261203_10) are filled from the TicketEscalated events.
-- Without a token a pooled processor starts at the ledger's first event (Axon's default initial token, the
-- tail); its @ResetHandler is not called on that path, so the tables are emptied here. The history projection
-- is untouched: nothing it holds depends on the SLA policy. Reads answer from the refilling tables meanwhile
-- (their lag shows in GET /api/admin/projections). With several query-side instances, stop them all before
-- migrating, as for any rebuild.
DELETE FROM token_entry WHERE processor_name IN ('ticket-status', 'reports');
TRUNCATE ticket_status, report_ticket;
