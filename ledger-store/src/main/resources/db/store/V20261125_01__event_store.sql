-- The ledger: Axon's JDBC event store on PostgreSQL, as Axon's own PostgreSQL table factory lays it out
-- (BIGSERIAL global index, BYTEA payloads, never large objects), plus the per-ticket hash chain and the
-- trigger that makes the table append-only.

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    -- SHA-256 over the previous event's hash and this event's content; set by the trigger below, never by a writer.
    previous_hash        BYTEA,
    hash                 BYTEA        NOT NULL,
    PRIMARY KEY (global_index),
    -- The arbiter between concurrent writers: a second append at the same sequence is SQLSTATE 23505.
    CONSTRAINT domain_event_entry_stream_key UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_key UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_key UNIQUE (event_identifier)
);

-- One length-prefixed field of the hashed content: 4-byte big-endian length (-1 for NULL), then the bytes.
-- Length prefixes make the encoding unambiguous: no two different events share an input.
CREATE FUNCTION ledger_hash_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END
$$;

CREATE FUNCTION ledger_hash_field(value TEXT) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT ledger_hash_field(convert_to(value, 'UTF8'))
$$;

-- The chain link: hash = SHA-256(previous hash (empty for a stream's first event) || the event's fields).
-- The Java verifier (ledger-store's HashChain) recomputes exactly this.
CREATE FUNCTION ledger_event_hash(previous_hash BYTEA, event domain_event_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT sha256(coalesce(previous_hash, ''::BYTEA)
                  || ledger_hash_field(event.event_identifier)
                  || ledger_hash_field(event.aggregate_identifier)
                  || ledger_hash_field(event.sequence_number::TEXT)
                  || ledger_hash_field(event.type)
                  || ledger_hash_field(event.time_stamp)
                  || ledger_hash_field(event.payload_type)
                  || ledger_hash_field(event.payload_revision)
                  || ledger_hash_field(event.payload)
                  || ledger_hash_field(event.meta_data))
$$;

CREATE FUNCTION ledger_chain_event() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequence_number > 0 THEN
        SELECT hash INTO previous
        FROM domain_event_entry
        WHERE aggregate_identifier = NEW.aggregate_identifier
          AND sequence_number = NEW.sequence_number - 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'event % of stream % has no predecessor', NEW.sequence_number, NEW.aggregate_identifier
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    NEW.previous_hash := previous;
    NEW.hash := ledger_event_hash(previous, NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_chain_event();

CREATE FUNCTION ledger_refuse_change() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Reads of one ticket's stream and of the whole ledger in order are served by the keys above.
