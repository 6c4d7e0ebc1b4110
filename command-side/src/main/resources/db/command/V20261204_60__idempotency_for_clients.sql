-- A command on the client register (a registration, a contract, contacts) may carry an Idempotency-Key too: its
-- record names the client instead of a ticket. Exactly one of the two is named.
ALTER TABLE idempotency_record
    ALTER COLUMN ticket_id DROP NOT NULL,
    ALTER COLUMN ticket_number DROP NOT NULL,
    ADD COLUMN client_id VARCHAR(100),
    ADD CONSTRAINT idempotency_record_names_one
        CHECK ((ticket_id IS NOT NULL AND ticket_number IS NOT NULL AND client_id IS NULL)
            OR (ticket_id IS NULL AND ticket_number IS NULL AND client_id IS NOT NULL));
