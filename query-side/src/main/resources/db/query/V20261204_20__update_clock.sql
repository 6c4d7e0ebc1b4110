-- The update (keep-in-loop) clock (docs/domain.md, "SLA"): the desk owes the client news within its priority's
-- update target, counted from the opening, a reopening or its last public note.
--   update_since        when the current window started (while PENDING_CLOSURE or after, the last window's start)
--   update_at_risk_at,
--   update_due_at       that window's at-risk and due instants, beside the response and resolution ones
--   update_late_windows how many closed windows closed after their due instant
--   update_windows      the closed windows as "<from>/<to>" ISO-8601 instants separated by spaces, oldest first:
--                       what a reclassification judges again and what the reports measure
ALTER TABLE ticket_status
    ADD COLUMN update_since        TIMESTAMPTZ,
    ADD COLUMN update_at_risk_at   TIMESTAMPTZ,
    ADD COLUMN update_due_at       TIMESTAMPTZ,
    ADD COLUMN update_late_windows INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN update_windows      TEXT    NOT NULL DEFAULT '';
ALTER TABLE report_ticket
    ADD COLUMN update_since        TIMESTAMPTZ,
    ADD COLUMN update_at_risk_at   TIMESTAMPTZ,
    ADD COLUMN update_due_at       TIMESTAMPTZ,
    ADD COLUMN update_late_windows INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN update_windows      TEXT    NOT NULL DEFAULT '';

-- The SLA list finds a running window at risk or late, as it finds the other two targets.
CREATE INDEX ticket_status_update_risk ON ticket_status (update_at_risk_at)
    WHERE status IN ('OPEN', 'ASSIGNED');
