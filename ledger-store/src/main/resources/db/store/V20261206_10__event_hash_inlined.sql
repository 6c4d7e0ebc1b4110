-- The chain link's functions declared STABLE, as what they call is: convert_to() is STABLE, and an IMMUTABLE SQL
-- function whose body is not may not be inlined by the planner. Declared IMMUTABLE, the text fields' hash function was
-- run as a function of its own for each of an event's seven text fields, and PostgreSQL plans such a function's body
-- again in every transaction that calls it: the append trigger cost about 230 µs per event, against about 45 µs with
-- the whole link inlined into the trigger's expression (docs/BENCHMARKS.md, session 14). The hash is the same: only
-- how PostgreSQL evaluates it changes. Nothing needs them IMMUTABLE (no index or generated column uses them).
ALTER FUNCTION ledger_hash_field(TEXT) STABLE;
ALTER FUNCTION ledger_event_hash(BYTEA, domain_event_entry) STABLE;
