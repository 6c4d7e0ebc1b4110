-- The command side's own queue index: one row per ticket, what "take next" needs to find the head of a level's
-- queue without reading a projection. Its rows are written by an event handler in the transaction that appends
-- the event (so the index and the ledger are committed together or not at all), and filled from the ledger at
-- start-up when events were appended without it (QueueIndexCatchUp).
CREATE TABLE queue_index (
    ticket_id     UUID         PRIMARY KEY,
    level         VARCHAR(16)  NOT NULL,
    -- queue order (docs/domain.md): incidents first, then priority, then first in, first out by opening
    type_rank     SMALLINT     NOT NULL,
    priority_rank SMALLINT     NOT NULL,
    opened_at     TIMESTAMPTZ  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    assignee      VARCHAR(100),
    -- the ticket's last event applied here: an event at or below it was already applied
    sequence      BIGINT       NOT NULL,
    -- that event's global position; the newest of them is where the start-up catch-up reads on from
    position      BIGINT       NOT NULL
);

-- A level's queue, in queue order: take next locks the first row it can (FOR UPDATE SKIP LOCKED).
CREATE INDEX queue_index_head ON queue_index (level, type_rank, priority_rank, opened_at, ticket_id)
    WHERE status = 'OPEN' AND assignee IS NULL;
CREATE INDEX queue_index_position ON queue_index (position);
