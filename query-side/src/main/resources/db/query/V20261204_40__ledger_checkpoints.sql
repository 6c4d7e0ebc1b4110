-- The Merkle tree over every event of the ledger (RFC 9162) and its signed checkpoints (docs/design.md,
-- "Checkpoints"). A leaf is one event's chain hash as its stored content gives it; its position is its ordinal
-- among the events the tree holds, in global order (global_index may have gaps; positions have none).

-- Every leaf: what proofs and the verification compare with; global_index finds an event's position.
CREATE TABLE ledger_tree_leaf (
    position     BIGINT NOT NULL,
    global_index BIGINT NOT NULL,
    leaf_hash    BYTEA  NOT NULL,
    PRIMARY KEY (position),
    CONSTRAINT ledger_tree_leaf_global_index UNIQUE (global_index)
);

-- The complete subtrees of levels 8, 16, 24 …: node (level, idx) covers leaves [idx·2^level, (idx+1)·2^level).
-- Any subtree a proof names is folded from at most 128 rows of these or of the leaves, so a proof over millions
-- of events reads a few thousand rows instead of the whole tree, for 1/255 more rows than the leaves alone.
CREATE TABLE ledger_tree_node (
    level SMALLINT NOT NULL,
    idx   BIGINT   NOT NULL,
    hash  BYTEA    NOT NULL,
    PRIMARY KEY (level, idx),
    CONSTRAINT ledger_tree_node_level CHECK (level > 0 AND level % 8 = 0)
);

-- A signed statement of the tree: its size, its root and when. The signature (Ed25519) is over the canonical
-- text of those three (Checkpoint.signedText); last_global_index and the frontier (the right edge's subtree
-- roots, 32 bytes each, largest first) let the next checkpoint add only the events that came since.
CREATE TABLE ledger_checkpoint (
    tree_size         BIGINT      NOT NULL,
    root_hash         BYTEA       NOT NULL,
    at                TIMESTAMPTZ NOT NULL,
    signature         BYTEA       NOT NULL,
    last_global_index BIGINT      NOT NULL,
    frontier          BYTEA       NOT NULL,
    PRIMARY KEY (tree_size),
    CONSTRAINT ledger_checkpoint_size CHECK (tree_size > 0)
);

-- Append-only, as the ledger is: this side's role owns these tables (it creates them), so the trigger is the
-- guard against a mistaken UPDATE or DELETE; a superuser who switches it off is caught by the signatures.
CREATE FUNCTION ledger_tree_refuse_change() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the ledger''s tree is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER ledger_tree_leaf_append_only BEFORE UPDATE OR DELETE ON ledger_tree_leaf
    FOR EACH ROW EXECUTE FUNCTION ledger_tree_refuse_change();
CREATE TRIGGER ledger_tree_leaf_no_truncate BEFORE TRUNCATE ON ledger_tree_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_tree_refuse_change();
CREATE TRIGGER ledger_tree_node_append_only BEFORE UPDATE OR DELETE ON ledger_tree_node
    FOR EACH ROW EXECUTE FUNCTION ledger_tree_refuse_change();
CREATE TRIGGER ledger_tree_node_no_truncate BEFORE TRUNCATE ON ledger_tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_tree_refuse_change();
CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_tree_refuse_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_tree_refuse_change();
