-- Personal data in the ledger is encrypted, field by field, under a key of its data subject (the person the
-- normalised e-mail or phone names): deleting that key erases the data without editing the append-only ledger.
--
-- subject_key: one AES-256 key per subject, wrapped (AES-GCM) under the master key (LEDGER_MASTER_KEY), never
-- stored in the clear. The one table of the store from which rows may be deleted, and only by an erasure: the
-- guard below refuses a DELETE unless the transaction named that very subject first
-- (SET LOCAL ledger.erasure = '<subject ref>'), refuses UPDATE unless it re-wraps the key under a new master key
-- (SET LOCAL ledger.rewrap = 'on', the key itself unchanged) and refuses TRUNCATE. The command side's role owns it
-- (INSERT, SELECT, DELETE through the guard); the query side's role may only SELECT (default privileges).
CREATE TABLE subject_key (
    -- HMAC-SHA256 of the normalised e-mail or phone under ledger_secret's 'subject-ref' secret: names the subject
    -- without revealing it.
    subject_ref   CHAR(64)    NOT NULL,
    wrapped_key   BYTEA       NOT NULL,
    -- Which master key wrapped it (the first 8 bytes of its SHA-256, hex): a rotation re-wraps the others' keys.
    master_key_id CHAR(16)    NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subject_ref),
    CONSTRAINT subject_key_ref_hex CHECK (subject_ref ~ '^[0-9a-f]{64}$')
);

-- The ledger's own secrets, wrapped under the master key like the subject keys: 'subject-ref', the HMAC key of
-- the subject references (stable for the ledger's life, so that a subject's reference never changes). Written
-- once, by whichever side needs it first; re-wrapped at a master key rotation, never deleted.
CREATE TABLE ledger_secret (
    name          VARCHAR(64) NOT NULL,
    wrapped       BYTEA       NOT NULL,
    master_key_id CHAR(16)    NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (name)
);

CREATE FUNCTION ledger_guard_subject_key() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('ledger.erasure', true) = OLD.subject_ref THEN
            RETURN OLD;
        END IF;
    ELSIF current_setting('ledger.rewrap', true) = 'on' AND NEW.subject_ref = OLD.subject_ref
        AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the keys are kept until an erasure: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION ledger_guard_secret() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('ledger.rewrap', true) = 'on' AND NEW.name = OLD.name
        AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the ledger''s secrets are kept: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER subject_key_guard
    BEFORE UPDATE OR DELETE ON subject_key
    FOR EACH ROW EXECUTE FUNCTION ledger_guard_subject_key();

CREATE TRIGGER subject_key_no_truncate
    BEFORE TRUNCATE ON subject_key
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER ledger_secret_guard
    BEFORE UPDATE OR DELETE ON ledger_secret
    FOR EACH ROW EXECUTE FUNCTION ledger_guard_secret();

CREATE TRIGGER ledger_secret_no_truncate
    BEFORE TRUNCATE ON ledger_secret
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
