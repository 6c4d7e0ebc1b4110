-- SLA policies as data (docs/domain.md, "SLA policies"): a ticket is measured by the policy version stamped on its
-- opening, for all its life.
--   sla_policy, sla_policy_version  that policy and version, in the status and report rows: every later event's
--                                   clocks are counted by it (a reclassification takes the new priority's targets
--                                   of the same version), and the status view shows it
ALTER TABLE ticket_status
    ADD COLUMN sla_policy         VARCHAR(64) NOT NULL DEFAULT 'standard',
    ADD COLUMN sla_policy_version INTEGER     NOT NULL DEFAULT 1;
ALTER TABLE report_ticket
    ADD COLUMN sla_policy         VARCHAR(64) NOT NULL DEFAULT 'standard',
    ADD COLUMN sla_policy_version INTEGER     NOT NULL DEFAULT 1;

-- The sla-policies projection (processing group "sla-policies"): one row per version of each policy, as its
-- SlaPolicyDefined event wrote it. Written only by SlaPolicyProjection; a rebuild empties it and reads the ledger
-- again. The SLA figures never read it (they read the policy's stream in the event store): it serves the reads.
CREATE TABLE sla_policy_version (
    name       VARCHAR(64)  NOT NULL,
    version    INTEGER      NOT NULL,
    terms      JSONB        NOT NULL,
    defined_at TIMESTAMPTZ  NOT NULL,
    defined_by VARCHAR(200),
    reason     TEXT,
    PRIMARY KEY (name, version)
);
