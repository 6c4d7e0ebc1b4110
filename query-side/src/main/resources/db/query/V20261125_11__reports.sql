-- The reporting projection (processing group "reports"): the same shape as ticket_status, kept by its own
-- processor so that analysts can rebuild it without touching the desk's status views.
CREATE TABLE report_ticket (LIKE ticket_status INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE report_ticket ADD PRIMARY KEY (ticket_id);
CREATE INDEX report_ticket_opened ON report_ticket (opened_at);
CREATE INDEX report_ticket_open ON report_ticket (level, priority) WHERE status <> 'CLOSED';
