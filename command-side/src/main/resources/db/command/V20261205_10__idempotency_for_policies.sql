-- A command on an SLA policy (a definition, a change) may carry an Idempotency-Key too: its record names the policy
-- instead of a ticket or a client. Exactly one of the three is named (a ticket with its number).
ALTER TABLE idempotency_record
    ADD COLUMN sla_policy VARCHAR(40),
    DROP CONSTRAINT idempotency_record_names_one,
    ADD CONSTRAINT idempotency_record_names_one
        CHECK (num_nonnulls(ticket_id, client_id, sla_policy) = 1
            AND (ticket_id IS NULL) = (ticket_number IS NULL));
