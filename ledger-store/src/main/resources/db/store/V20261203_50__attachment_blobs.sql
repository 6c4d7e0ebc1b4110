-- The bytes of the tickets' attachments, once per content: the AttachmentAdded event in the ledger names its
-- file by SHA-256, and the same file attached twice is stored once. A row is written in the same transaction
-- as the event that names it (a refused command leaves none), and never changed afterwards: the same
-- append-only trigger as the ledger's refuses UPDATE, DELETE and TRUNCATE, and the audit's verification
-- recomputes each attachment's hash from these bytes. The query side's role reads it (default privileges).
CREATE TABLE attachment_blob (
    sha256    CHAR(64)    NOT NULL,
    size      BIGINT      NOT NULL,
    content   BYTEA       NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (sha256),
    CONSTRAINT attachment_blob_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT attachment_blob_size CHECK (size = length(content))
);

-- Bytes this large are stored out of line anyway; compressing screenshots and archives again gains nothing.
ALTER TABLE attachment_blob ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE TRIGGER attachment_blob_append_only
    BEFORE UPDATE OR DELETE ON attachment_blob
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER attachment_blob_no_truncate
    BEFORE TRUNCATE ON attachment_blob
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
