-- Notifications (docs/design.md, "Notifications"): the outbox the notifications projection writes in the
-- transaction of the batch that decides them, and the sender delivers from.
--
-- A notification has a natural key: the ticket, the kind, what triggered it (an event's identifier, or an SLA
-- timer's deadline), the channel and the recipient. The projection inserts with ON CONFLICT DO NOTHING on that
-- key, so a replayed event or a scan that meets the same deadline again decides nothing twice.
CREATE TABLE notification (
    id              UUID         PRIMARY KEY,
    ticket_id       UUID         NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    trigger         VARCHAR(200) NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    recipient       VARCHAR(500) NOT NULL,
    language        VARCHAR(20)  NOT NULL,
    -- what the message says: the ticket's number, title and status and the kind's own facts, as decided
    facts           JSONB        NOT NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'PENDING',
    attempts        INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    -- when the sender may (next) try it; a claimed row is moved ahead by the claim's lease
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(1000),
    CONSTRAINT notification_natural_key UNIQUE (ticket_id, kind, trigger, channel, recipient)
);

-- the sender's look-up of what is due
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';
-- the read (GET /api/notifications), newest first, by ticket or not
CREATE INDEX notification_by_ticket ON notification (ticket_id, created_at DESC);
CREATE INDEX notification_by_created_at ON notification (created_at DESC);

-- What the notifications projection keeps of each ticket to decide and address its notifications, so that it
-- depends on no other projection's tables and can be rebuilt alone.
CREATE TABLE notification_ticket (
    ticket_id              UUID         PRIMARY KEY,
    number                 VARCHAR(40)  NOT NULL,
    client_id              VARCHAR(200) NOT NULL,
    title                  VARCHAR(400) NOT NULL,
    reporter_email         VARCHAR(500),
    status                 VARCHAR(20)  NOT NULL,
    level                  VARCHAR(20)  NOT NULL,
    assignee               VARCHAR(200),
    version                BIGINT       NOT NULL,
    -- the latest pending closure's automatic acceptance and its reminder; cleared when the ticket leaves it
    auto_accept_at         TIMESTAMPTZ,
    auto_accept_warning_at TIMESTAMPTZ
);

CREATE INDEX notification_ticket_auto_accept ON notification_ticket (auto_accept_warning_at)
    WHERE auto_accept_warning_at IS NOT NULL;

-- db-scheduler's table for the query side's scheduled work (the deadline scan): a name of its own, since the
-- command side keeps its scheduled tasks in another table of the same database.
CREATE TABLE notification_scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX notification_scheduled_tasks_execution_time ON notification_scheduled_tasks (execution_time);
CREATE INDEX notification_scheduled_tasks_last_heartbeat ON notification_scheduled_tasks (last_heartbeat);
