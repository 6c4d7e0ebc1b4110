-- The VENDOR queue (docs/domain.md, "Queues"): the tickets waiting on the vendor, oldest escalation first, each
-- with the vendor's case reference. A ticket escalated to VENDOR keeps its engineer, so the level queues' rule
-- (OPEN and unassigned) never listed one; these columns say when it went to the vendor and under which case.
-- report_ticket is LIKE ticket_status and is written by the same code, so it gets them too.
--
-- Existing rows are not backfilled here: V20261203_11 empties both tables and resets their processors, which
-- replay the ledger and fill these columns from the TicketEscalated events themselves. A backfill from
-- ticket_history's JSONB would read another processor's table, which may be behind or ahead of this one.
ALTER TABLE ticket_status
    ADD COLUMN vendor_case_ref     VARCHAR(100),
    ADD COLUMN vendor_escalated_at TIMESTAMPTZ;
ALTER TABLE report_ticket
    ADD COLUMN vendor_case_ref     VARCHAR(100),
    ADD COLUMN vendor_escalated_at TIMESTAMPTZ;

CREATE INDEX ticket_status_vendor_queue ON ticket_status (vendor_escalated_at, ticket_id)
    WHERE level = 'VENDOR' AND status = 'ASSIGNED';
