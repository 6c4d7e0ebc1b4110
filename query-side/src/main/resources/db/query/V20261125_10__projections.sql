-- The query side's own tables: Axon's token store and the projections. Each projection's rows and its
-- processor's token are written in one transaction, so a crash never applies an event twice or skips one.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The status view of every ticket (processing group "ticket-status"), with what the SLA clock needs:
-- deadlines are stored when an event moves them; RUNNING / AT_RISK / BREACHED is decided at read time.
-- Queues and SLA breach lists are read from this table through the partial indexes below.
CREATE TABLE ticket_status (
    ticket_id                UUID         PRIMARY KEY,
    number                   VARCHAR(32)  NOT NULL,
    client_id                VARCHAR(100) NOT NULL,
    title                    VARCHAR(200) NOT NULL,
    type                     VARCHAR(16)  NOT NULL,
    priority                 VARCHAR(16)  NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    level                    VARCHAR(16)  NOT NULL,
    assignee                 VARCHAR(100),
    opened_at                TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    reopen_count             INTEGER      NOT NULL DEFAULT 0,
    -- the sequence number of the ticket's last applied event: an event at or below it was already applied
    version                  BIGINT       NOT NULL,
    -- global position of the ticket's opening (keyset pagination: unique and increasing) and last event
    opened_position          BIGINT       NOT NULL,
    last_position            BIGINT       NOT NULL,
    -- queue order (docs/domain.md): incidents first, then priority, then first in, first out
    type_rank                SMALLINT     NOT NULL,
    priority_rank            SMALLINT     NOT NULL,
    responded_at             TIMESTAMPTZ,
    response_at_risk_at      TIMESTAMPTZ  NOT NULL,
    response_due_at          TIMESTAMPTZ  NOT NULL,
    -- open time the resolution clock ran before resolution_running_since (milliseconds)
    resolution_consumed_ms   BIGINT       NOT NULL DEFAULT 0,
    resolution_running_since TIMESTAMPTZ,
    resolution_at_risk_at    TIMESTAMPTZ  NOT NULL,
    resolution_due_at        TIMESTAMPTZ  NOT NULL,
    resolved_at              TIMESTAMPTZ
);

CREATE UNIQUE INDEX ticket_status_opened_position ON ticket_status (opened_position);
CREATE INDEX ticket_status_client ON ticket_status (client_id, opened_position);
CREATE INDEX ticket_status_level_queue ON ticket_status (level, type_rank, priority_rank, opened_at, ticket_id)
    WHERE status = 'OPEN' AND assignee IS NULL;
CREATE INDEX ticket_status_engineer_queue ON ticket_status (assignee, type_rank, priority_rank, opened_at, ticket_id)
    WHERE status IN ('ASSIGNED', 'PENDING_CLOSURE');
CREATE INDEX ticket_status_response_risk ON ticket_status (response_at_risk_at)
    WHERE responded_at IS NULL AND status <> 'CLOSED';
CREATE INDEX ticket_status_resolution_risk ON ticket_status (resolution_at_risk_at)
    WHERE status <> 'CLOSED';

-- The timeline of every ticket (processing group "ticket-history"): one row per event, keyed by its global
-- position, so a replayed event is never recorded twice.
CREATE TABLE ticket_history (
    position    BIGINT       PRIMARY KEY,
    ticket_id   UUID         NOT NULL,
    -- the ticket's organisation, on every row, so that a client's read is filtered by the row itself
    client_id   VARCHAR(100) NOT NULL,
    sequence    BIGINT       NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    type        VARCHAR(64)  NOT NULL,
    actor       VARCHAR(100),
    actor_role  VARCHAR(16),
    visibility  VARCHAR(16)  NOT NULL,
    summary     TEXT         NOT NULL,
    details     JSONB        NOT NULL
);

CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, position);
