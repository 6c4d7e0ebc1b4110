package com.ticketledger.query.checkpoint;

import com.ticketledger.store.MerkleTree;
import com.ticketledger.store.StoredEvents;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The auditor's reads of the ledger's tree (docs/api.md, "Checkpoints"): the signed checkpoints, the public
 * key, proofs an outside party checks offline, and the whole tree recomputed against every checkpoint.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The ledger itself: raw events, the hash chain, a ticket as it was.")
@ProblemAnswers(ProblemResponse.SERVICE_UNAVAILABLE) // they read the database
class CheckpointController {

    static final int MAX_LIMIT = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final LedgerTree tree;
    private final CheckpointKey key;
    private final LedgerVerification verification;
    private final JdbcClient jdbc;
    private final StoredEvents storedEvents;

    CheckpointController(LedgerTree tree, CheckpointKey key, LedgerVerification verification, JdbcClient jdbc,
            StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
        this.tree = tree;
        this.key = key;
        this.verification = verification;
        this.jdbc = jdbc;
    }

    @Operation(operationId = "getLatestCheckpoint", summary = "Read the latest checkpoint",
            description = "The newest signed checkpoint of the ledger's Merkle tree: `{treeSize, rootHash, at,"
                    + " signature}`; 404 before the first.")
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @GetMapping("/ledger/checkpoints/latest")
    Checkpoint latest() {
        return tree.latest().map(LedgerTree.Stored::checkpoint).orElseThrow(CheckpointNotFound::new);
    }

    @Operation(operationId = "listCheckpoints", summary = "Read the checkpoints",
            description = "The checkpoints of at least `from` events (default 1), oldest first, at most `limit`"
                    + " (default 100, at most 1000): the next page starts after the last one's `treeSize`.")
    @ProblemAnswers(ProblemResponse.BAD_REQUEST)
    @GetMapping("/ledger/checkpoints")
    List<Checkpoint> checkpoints(@Parameter(description = "The smallest tree size") @RequestParam(required = false)
            Long from, @RequestParam(required = false) Integer limit) {
        if (from != null && from < 0) {
            throw new InvalidField("from", "field.tree-size");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidField("limit", "field.checkpoint-limit", MAX_LIMIT);
        }
        return tree.checkpoints(from == null ? 1 : from, limit == null ? 100 : limit).stream()
                .map(LedgerTree.Stored::checkpoint).toList();
    }

    @Operation(operationId = "getCheckpointPublicKey", summary = "Read the checkpoint signing key",
            description = "The Ed25519 public key that verifies every checkpoint's signature, as base64 DER"
                    + " (X.509 SubjectPublicKeyInfo) and as PEM.")
    @GetMapping("/ledger/public-key")
    Proofs.PublicKeyAnswer publicKey() {
        byte[] der = key.publicKey().getEncoded();
        return new Proofs.PublicKeyAnswer("Ed25519", Base64.getEncoder().encodeToString(der),
                CheckpointKey.pem("PUBLIC KEY", der));
    }

    @Operation(operationId = "getInclusionProof", summary = "Prove an event is in a checkpoint",
            description = "The RFC 9162 inclusion proof of the ticket's event `sequence` in the checkpoint of"
                    + " `treeSize` events (default: the latest), with that checkpoint; 404 when the event does not"
                    + " exist, no checkpoint has that size, or the event is not in it yet.")
    @ProblemAnswers({ProblemResponse.BAD_REQUEST, ProblemResponse.NOT_FOUND})
    @GetMapping("/tickets/{ticketId}/events/{sequence}/proof")
    Proofs.Inclusion proof(@PathVariable UUID ticketId, @PathVariable long sequence,
            @Parameter(description = "A checkpoint's tree size") @RequestParam(required = false) Long treeSize) {
        if (sequence < 0) {
            throw new InvalidField("sequence", "field.sequence");
        }
        LedgerTree.Stored checkpoint = checkpoint(treeSize, "treeSize");
        long globalIndex = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :ticket"
                        + " AND sequence_number = :sequence")
                .param("ticket", ticketId.toString()).param("sequence", sequence).query(Long.class).optional()
                .orElseThrow(() -> EventNotFound.noSuchEvent(ticketId, sequence));
        long position = tree.position(globalIndex).filter(at -> at < checkpoint.treeSize())
                .orElseThrow(() -> EventNotFound.notInCheckpoint(ticketId, sequence, checkpoint.treeSize()));
        byte[] leafHash = tree.leaves(position, position + 1).get(0).hash();
        byte[][] leaf = new byte[1][];
        storedEvents.inGlobalOrder(globalIndex - 1, globalIndex, 1, event -> leaf[0] = LedgerTree.leaf(event));
        List<String> path = MerkleTree.inclusionProof(tree.subtrees(), position, checkpoint.treeSize()).stream()
                .map(HEX::formatHex).toList();
        return new Proofs.Inclusion(ticketId, sequence, position, HEX.formatHex(leaf[0]), HEX.formatHex(leafHash),
                checkpoint.treeSize(), path, checkpoint.checkpoint());
    }

    @Operation(operationId = "getConsistencyProof", summary = "Prove one checkpoint extends another",
            description = "The RFC 9162 consistency proof that the tree of checkpoint `from` is a prefix of the"
                    + " tree of checkpoint `to` (default: the latest), with both checkpoints; 404 when either size"
                    + " is not a checkpoint's.")
    @ProblemAnswers({ProblemResponse.BAD_REQUEST, ProblemResponse.NOT_FOUND})
    @GetMapping("/ledger/consistency")
    Proofs.Consistency consistency(@Parameter(description = "The earlier checkpoint's tree size") @RequestParam
            long from, @Parameter(description = "The later checkpoint's tree size") @RequestParam(required = false)
            Long to) {
        if (from < 1) {
            throw new InvalidField("from", "field.tree-size");
        }
        if (to != null && from > to) {
            throw new InvalidField("from", "field.from-after-to");
        }
        LedgerTree.Stored second = checkpoint(to, "to");
        if (from > second.treeSize()) {
            throw new InvalidField("from", "field.from-after-to");
        }
        LedgerTree.Stored first = tree.checkpoint(from).orElseThrow(() -> new CheckpointNotFound(from));
        List<String> proof = MerkleTree.consistencyProof(tree.subtrees(), first.treeSize(), second.treeSize())
                .stream().map(HEX::formatHex).toList();
        return new Proofs.Consistency(first.treeSize(), second.treeSize(), HEX.formatHex(first.rootHash()),
                HEX.formatHex(second.rootHash()), proof, first.checkpoint(), second.checkpoint());
    }

    @Operation(operationId = "verifyLedger", summary = "Verify the whole ledger against every checkpoint",
            description = "Recomputes the Merkle tree from the stored events, compares each checkpoint's root and"
                    + " signature and each kept leaf, and names the first position where an event was deleted,"
                    + " inserted, reordered or changed (`problem`: MISSING, EXTRA, REORDERED, CHANGED).")
    @GetMapping("/ledger/verify")
    LedgerVerification.Result verify() {
        return verification.verify();
    }

    /** The checkpoint of {@code treeSize} events, or the latest when none is named. */
    private LedgerTree.Stored checkpoint(Long treeSize, String parameter) {
        if (treeSize == null) {
            return tree.latest().orElseThrow(CheckpointNotFound::new);
        }
        if (treeSize < 1) {
            throw new InvalidField(parameter, "field.tree-size");
        }
        return tree.checkpoint(treeSize).orElseThrow(() -> new CheckpointNotFound(treeSize));
    }
}
