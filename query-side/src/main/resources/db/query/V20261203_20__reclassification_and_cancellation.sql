-- A reclassified ticket keeps its category, and its resolution clock is measured again from the opening with
-- the new priority's target and calendar: for that the row keeps the clock's completed stops (pending closure
-- until reopening) as "<from>/<to>" ISO-8601 instants separated by spaces, oldest first. Rows projected before
-- this column existed have none recorded; rebuilding the projections fills it in.
ALTER TABLE ticket_status
    ADD COLUMN category          VARCHAR(50),
    ADD COLUMN resolution_pauses TEXT NOT NULL DEFAULT '';
ALTER TABLE report_ticket
    ADD COLUMN category          VARCHAR(50),
    ADD COLUMN resolution_pauses TEXT NOT NULL DEFAULT '';

-- A CANCELLED ticket, like a CLOSED one, is in no SLA list and in no backlog.
DROP INDEX ticket_status_response_risk;
CREATE INDEX ticket_status_response_risk ON ticket_status (response_at_risk_at)
    WHERE responded_at IS NULL AND status NOT IN ('CLOSED', 'CANCELLED');
DROP INDEX ticket_status_resolution_risk;
CREATE INDEX ticket_status_resolution_risk ON ticket_status (resolution_at_risk_at)
    WHERE status NOT IN ('CLOSED', 'CANCELLED');
DROP INDEX report_ticket_open;
CREATE INDEX report_ticket_open ON report_ticket (level, priority) WHERE status NOT IN ('CLOSED', 'CANCELLED');

-- One event may write an entry in two timelines: a ticket closed as a duplicate also leaves one in its original's.
ALTER TABLE ticket_history DROP CONSTRAINT ticket_history_pkey, ADD PRIMARY KEY (position, ticket_id);
