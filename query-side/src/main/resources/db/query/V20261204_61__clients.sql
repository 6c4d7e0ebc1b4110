-- The clients projection (processing group "clients"): one row per registered client organisation, its contract and
-- its contacts as last set. Written only by ClientProjection; a rebuild empties it and reads the ledger again.
CREATE TABLE client_view (
    client_id          VARCHAR(100) PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    language           VARCHAR(8)   NOT NULL,
    time_zone          VARCHAR(64)  NOT NULL,
    -- the contract, absent until one is set; its days are the client's (time_zone), both included
    contract_from      DATE,
    contract_to        DATE,
    sla_policy         VARCHAR(64),
    on_site_support    BOOLEAN      NOT NULL DEFAULT FALSE,
    suspended          BOOLEAN      NOT NULL DEFAULT FALSE,
    suspension_reason  TEXT,
    -- the contacts: representatives are user names of the organisation; the rest is personal data
    representatives    TEXT[]       NOT NULL DEFAULT '{}',
    focal_point_name   VARCHAR(200),
    focal_point_email  VARCHAR(254),
    area_manager_email VARCHAR(254),
    escalation_emails  TEXT[]       NOT NULL DEFAULT '{}',
    -- the sequence of the client's last event applied: a replayed event at or below it changes nothing
    version            BIGINT       NOT NULL,
    registered_at      TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

-- The report of contracts ending soon reads by the contract's last day.
CREATE INDEX client_view_contract_to ON client_view (contract_to);
