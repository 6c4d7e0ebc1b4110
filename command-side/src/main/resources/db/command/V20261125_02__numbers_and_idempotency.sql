-- Ticket numbers (TCK-000001, …): unique and increasing. A number drawn by a command that is then refused
-- or rolled back is not reused, so numbers may skip, never repeat.
CREATE SEQUENCE ticket_number_seq START WITH 1 INCREMENT BY 1;

-- One row per (user, Idempotency-Key) whose command was committed, written in the same transaction as the
-- command's event: either both are in the ledger or neither is. A retry finds the row and is answered as
-- the first time; a racing duplicate blocks on the key until the first commits, then finds it.
CREATE TABLE idempotency_record (
    user_name       VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    BYTEA        NOT NULL,
    ticket_id       UUID         NOT NULL,
    ticket_number   VARCHAR(32)  NOT NULL,
    version         BIGINT       NOT NULL,
    created         BOOLEAN      NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_name, idempotency_key)
);
