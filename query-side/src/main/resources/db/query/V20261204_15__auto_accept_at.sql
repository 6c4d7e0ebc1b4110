-- The automatic acceptance: while a ticket is PENDING_CLOSURE, when the ledger accepts the resolution itself unless
-- the client answers first (TicketPendingClosure.autoAcceptAt). report_ticket is LIKE ticket_status and written by the
-- same code, so it gets the column too.
ALTER TABLE ticket_status ADD COLUMN auto_accept_at TIMESTAMPTZ;
ALTER TABLE report_ticket ADD COLUMN auto_accept_at TIMESTAMPTZ;

-- No rebuild: a pending closure recorded before this column existed carries no instant (it waits for the client), so
-- NULL is right for it. Only a pending closure a newer command side recorded before this query side was upgraded has
-- one; the rows still pending take it from their ticket's last pending closure in the ledger. (The ledger's table is
-- the command side's; a database without it has no such rows.)
DO $$
DECLARE
    projection TEXT;
BEGIN
    IF to_regclass('domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    FOREACH projection IN ARRAY ARRAY['ticket_status', 'report_ticket'] LOOP
        EXECUTE format($fill$
            UPDATE %I AS stored SET auto_accept_at = last.auto_accept_at
            FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier AS ticket,
                      (convert_from(payload, 'UTF8')::jsonb ->> 'autoAcceptAt')::timestamptz AS auto_accept_at
                  FROM domain_event_entry
                  WHERE payload_type = 'com.ticketledger.events.TicketPendingClosure'
                  ORDER BY aggregate_identifier, sequence_number DESC) AS last
            WHERE stored.status = 'PENDING_CLOSURE' AND stored.ticket_id::text = last.ticket
        $fill$, projection);
    END LOOP;
END
$$;
