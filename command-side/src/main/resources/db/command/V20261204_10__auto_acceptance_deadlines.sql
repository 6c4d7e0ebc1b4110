-- The command side's Axon deadlines (the automatic acceptance of a ticket left PENDING_CLOSURE), kept by
-- db-scheduler (its table for PostgreSQL, under its default name). A deadline is scheduled in the transaction that
-- appends the pending closure and cancelled in the one that appends the client's answer, so the table and the
-- ledger agree. Each instance polls the rows that are due and takes one by a conditional update of its version:
-- exactly one instance runs each deadline.
CREATE TABLE scheduled_tasks (
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

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- The deadlines are the command side's alone: the query side's role (docker/postgres/ledger-roles.sql) reads every
-- table the command side creates by default, but not this one. Where that role does not exist (the embedded
-- default, a single-role deployment) there is nothing to take back.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_query') THEN
        REVOKE ALL ON scheduled_tasks FROM ledger_query;
    END IF;
END
$$;
