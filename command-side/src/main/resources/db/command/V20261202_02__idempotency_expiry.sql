-- Idempotency records expire after ledger.idempotency.retention (24 h by default): the clean-up deletes by age.
CREATE INDEX idempotency_record_recorded_at ON idempotency_record (recorded_at);
