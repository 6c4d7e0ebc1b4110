package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.checkpoint.Checkpointer;
import com.ticketledger.store.MerkleTree;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's signed checkpoints, proofs checked as an outsider would (the public key, the RFC's algorithms),
 * and the whole-ledger verification catching what a database superuser does behind the triggers' back: a
 * ticket's events deleted, an event changed, two events swapped. Each tampering is undone afterwards, so the
 * shared ledger stays whole for the other tests.
 */
class CheckpointIT extends QuerySideIT {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    Checkpointer checkpointer;

    TicketOpened ticketWithThreeEvents() {
        TicketOpened ticket = Tickets.opened("acme");
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        append(ticket, ACME_CLIENT, at);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, at.plusSeconds(60));
        append(new NoteAdded(ticket.ticketId(), "checked the uplink", Visibility.PUBLIC), ANA, at.plusSeconds(120));
        return ticket;
    }

    /** Records checkpoints until one holds the event at {@code globalIndex}; answers that event's position. */
    long checkpointed(long globalIndex) {
        awaitUntil("a checkpoint holds position " + globalIndex, Duration.ofSeconds(20), () -> {
            checkpointer.checkpoint();
            return jdbc.sql("SELECT count(*) FROM ledger_tree_leaf WHERE global_index = :index")
                    .param("index", globalIndex).query(Long.class).single() == 1;
        });
        return jdbc.sql("SELECT position FROM ledger_tree_leaf WHERE global_index = :index")
                .param("index", globalIndex).query(Long.class).single();
    }

    long globalIndex(UUID ticketId, long sequence) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :t"
                        + " AND sequence_number = :s")
                .param("t", ticketId.toString()).param("s", sequence).query(Long.class).single();
    }

    PublicKey publicKey() throws Exception {
        JsonNode answer = get("auditor", "/api/audit/ledger/public-key").json();
        assertThat(answer.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(answer.get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(answer.get("publicKey").asText())));
    }

    static boolean signed(JsonNode checkpoint, PublicKey key) throws Exception {
        // docs/api.md's canonical text, rebuilt here from the answer alone.
        String text = "ticket-ledger checkpoint v1\n" + checkpoint.get("treeSize").asLong() + "\n"
                + checkpoint.get("rootHash").asText() + "\n" + checkpoint.get("at").asText() + "\n";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(checkpoint.get("signature").asText()));
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        return hashes;
    }

    @Test
    void aCheckpointIsSignedWithThePublishedKey() throws Exception {
        TicketOpened ticket = ticketWithThreeEvents();
        long position = checkpointed(globalIndex(ticket.ticketId(), 2));

        JsonNode latest = get("auditor", "/api/audit/ledger/checkpoints/latest").json();
        assertThat(latest.get("treeSize").asLong()).isGreaterThan(position);
        assertThat(latest.get("rootHash").asText()).matches("[0-9a-f]{64}");
        assertThat(Instant.parse(latest.get("at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(signed(latest, publicKey())).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) latest).put("treeSize", latest.get("treeSize").asLong() + 1);
        assertThat(signed(latest, publicKey())).isFalse();

        JsonNode all = get("auditor", "/api/audit/ledger/checkpoints?from=1&limit=1000").json();
        assertThat(all.size()).isPositive();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("treeSize").asLong()).isGreaterThan(all.get(i - 1).get("treeSize").asLong());
        }
        JsonNode fromLatest = get("auditor", "/api/audit/ledger/checkpoints?from="
                + get("auditor", "/api/audit/ledger/checkpoints/latest").json().get("treeSize").asLong()).json();
        assertThat(fromLatest).hasSize(1);
    }

    @Test
    void anEventsInclusionProofVerifiesWithTheCheckpointAlone() throws Exception {
        TicketOpened ticket = ticketWithThreeEvents();
        long position = checkpointed(globalIndex(ticket.ticketId(), 2));
        JsonNode events = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/events").json();

        JsonNode proof = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/events/1/proof").json();

        JsonNode checkpoint = proof.get("checkpoint");
        assertThat(signed(checkpoint, publicKey())).isTrue();
        assertThat(proof.get("position").asLong()).isEqualTo(position - 1);
        assertThat(proof.get("leaf").asText()).isEqualTo(events.get(1).get("hash").asText());
        byte[] leafHash = MerkleTree.leafHash(HEX.parseHex(proof.get("leaf").asText()));
        assertThat(HEX.formatHex(leafHash)).isEqualTo(proof.get("leafHash").asText());
        assertThat(MerkleTree.verifyInclusion(proof.get("position").asLong(), checkpoint.get("treeSize").asLong(),
                leafHash, hashes(proof.get("auditPath")), HEX.parseHex(checkpoint.get("rootHash").asText()))).isTrue();
        assertThat(MerkleTree.verifyInclusion(proof.get("position").asLong(), checkpoint.get("treeSize").asLong(),
                MerkleTree.leafHash(HEX.parseHex(events.get(0).get("hash").asText())), hashes(proof.get("auditPath")),
                HEX.parseHex(checkpoint.get("rootHash").asText()))).isFalse();

        // A later checkpoint proves the same event, and is consistent with the earlier one.
        TicketOpened later = ticketWithThreeEvents();
        checkpointed(globalIndex(later.ticketId(), 2));
        JsonNode latest = get("auditor", "/api/audit/ledger/checkpoints/latest").json();
        JsonNode again = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/events/1/proof?treeSize="
                + latest.get("treeSize").asLong()).json();
        assertThat(MerkleTree.verifyInclusion(again.get("position").asLong(), latest.get("treeSize").asLong(),
                leafHash, hashes(again.get("auditPath")), HEX.parseHex(latest.get("rootHash").asText()))).isTrue();
        JsonNode consistency = get("auditor", "/api/audit/ledger/consistency?from="
                + checkpoint.get("treeSize").asLong()
                + "&to=" + latest.get("treeSize").asLong()).json();
        assertThat(MerkleTree.verifyConsistency(checkpoint.get("treeSize").asLong(), latest.get("treeSize").asLong(),
                HEX.parseHex(checkpoint.get("rootHash").asText()), HEX.parseHex(latest.get("rootHash").asText()),
                hashes(consistency.get("proof")))).isTrue();
        assertThat(consistency.get("fromCheckpoint").get("signature").asText())
                .isEqualTo(checkpoint.get("signature").asText());
    }

    @Test
    void theUntouchedLedgerVerifiesAgainstEveryCheckpoint() {
        TicketOpened ticket = ticketWithThreeEvents();
        checkpointed(globalIndex(ticket.ticketId(), 2));

        JsonNode verification = get("auditor", "/api/audit/ledger/verify").json();

        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("treeSize").asLong())
                .isEqualTo(get("auditor", "/api/audit/ledger/checkpoints/latest").json().get("treeSize").asLong());
        assertThat(verification.get("firstBadPosition").isNull()).isTrue();
        assertThat(verification.get("badSignatures").asInt()).isZero();
        assertThat(verification.get("checkpoints").asInt()).isPositive();
    }

    @Test
    void aTicketWhoseEveryEventASuperuserDeletedIsNamedAsMissing() {
        TicketOpened ticket = ticketWithThreeEvents();
        TicketOpened after = ticketWithThreeEvents();
        long first = checkpointed(globalIndex(ticket.ticketId(), 0));
        checkpointed(globalIndex(after.ticketId(), 2));
        String backup = "tampered_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE TABLE " + backup + " AS SELECT * FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", ticket.ticketId().toString()).update();
        withTriggersOff(() -> jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", ticket.ticketId().toString()).update());
        try {
            // The ticket is gone: its own chain has nothing left to show.
            assertThat(get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/verify").status()).isEqualTo(404);

            JsonNode verification = get("auditor", "/api/audit/ledger/verify").json();

            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBadPosition").asLong()).isEqualTo(first);
            assertThat(verification.get("problem").asText()).isEqualTo("MISSING");
            assertThat(verification.get("firstBadCheckpoint").asLong()).isGreaterThan(first);
        } finally {
            withTriggersOff(() -> jdbc.sql("INSERT INTO domain_event_entry SELECT * FROM " + backup).update());
            jdbc.sql("DROP TABLE " + backup).update();
        }
        assertThat(get("auditor", "/api/audit/ledger/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anEventASuperuserChangedIsNamed() {
        TicketOpened ticket = ticketWithThreeEvents();
        long changed = checkpointed(globalIndex(ticket.ticketId(), 2));
        byte[] payload = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :t"
                        + " AND sequence_number = 2").param("t", ticket.ticketId().toString())
                .query(byte[].class).single();
        String forged = new String(payload, StandardCharsets.UTF_8).replace("checked the uplink", "all fine, no fault");
        setPayload(ticket.ticketId(), forged.getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode verification = get("auditor", "/api/audit/ledger/verify").json();

            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBadPosition").asLong()).isEqualTo(changed);
            assertThat(verification.get("problem").asText()).isEqualTo("CHANGED");
            // The proof of that event no longer leads to the signed root.
            JsonNode proof = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/events/2/proof").json();
            assertThat(MerkleTree.verifyInclusion(proof.get("position").asLong(), proof.get("treeSize").asLong(),
                    MerkleTree.leafHash(HEX.parseHex(proof.get("leaf").asText())), hashes(proof.get("auditPath")),
                    HEX.parseHex(proof.get("checkpoint").get("rootHash").asText()))).isFalse();
        } finally {
            setPayload(ticket.ticketId(), payload);
        }
        assertThat(get("auditor", "/api/audit/ledger/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void twoEventsASuperuserSwappedAreNamedAsReordered() {
        // Two tickets' events one after the other: swapping them leaves each ticket's own chain intact.
        TicketOpened first = Tickets.opened("acme");
        TicketOpened second = Tickets.opened("acme");
        long a = append(first, ACME_CLIENT, Instant.now());
        long b = append(second, ACME_CLIENT, Instant.now());
        long position = checkpointed(a);
        assertThat(checkpointed(b)).isEqualTo(position + 1);
        swap(a, b);
        try {
            assertThat(get("auditor", "/api/audit/tickets/" + first.ticketId() + "/verify").json()
                    .get("valid").asBoolean()).isTrue();

            JsonNode verification = get("auditor", "/api/audit/ledger/verify").json();

            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBadPosition").asLong()).isEqualTo(position);
            assertThat(verification.get("problem").asText()).isEqualTo("REORDERED");
        } finally {
            swap(a, b);
        }
        assertThat(get("auditor", "/api/audit/ledger/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void hostileProofRequestsAreProblemsAndChangeNothing() {
        TicketOpened ticket = ticketWithThreeEvents();
        checkpointed(globalIndex(ticket.ticketId(), 2));
        long latest = get("auditor", "/api/audit/ledger/checkpoints/latest").json().get("treeSize").asLong();
        long checkpoints = jdbc.sql("SELECT count(*) FROM ledger_checkpoint").query(Long.class).single();
        String proof = "/api/audit/tickets/" + ticket.ticketId() + "/events/";

        assertProblem(proof + "1/proof?treeSize=" + (latest + 1000), 404);
        assertProblem(proof + "1/proof?treeSize=0", 400);
        assertProblem(proof + "1/proof?treeSize=-5", 400);
        assertProblem(proof + "1/proof?treeSize=many", 400);
        assertProblem(proof + "1/proof?treeSize=99999999999999999999999", 400);
        assertProblem(proof + "one/proof", 400);
        assertProblem(proof + "-1/proof", 400);
        assertProblem(proof + "3/proof", 404);
        assertProblem(proof + "1/proof?size=3", 400);
        assertProblem("/api/audit/tickets/" + UUID.randomUUID() + "/events/0/proof", 404);
        assertProblem("/api/audit/tickets/not-a-ticket/events/0/proof", 400);
        assertProblem("/api/audit/ledger/consistency?from=" + latest + "&to=1", 400);
        assertProblem("/api/audit/ledger/consistency?from=" + (latest + 1), 400);
        assertProblem("/api/audit/ledger/consistency?from=0", 400);
        assertProblem("/api/audit/ledger/consistency?from=x&to=y", 400);
        assertProblem("/api/audit/ledger/consistency", 400);
        assertProblem("/api/audit/ledger/checkpoints?limit=0", 400);
        assertProblem("/api/audit/ledger/checkpoints?limit=1001", 400);
        assertProblem("/api/audit/ledger/checkpoints?from=-1", 400);
        assertProblem("/api/audit/ledger/checkpoints?from=%27%20OR%201=1", 400);
        assertProblem("/api/audit/ledger/verify?deep=true", 400);

        assertThat(jdbc.sql("SELECT count(*) FROM ledger_checkpoint").query(Long.class).single())
                .isEqualTo(checkpoints);
    }

    @Test
    void theTreesTablesRefuseChanges() {
        TicketOpened ticket = ticketWithThreeEvents();
        checkpointed(globalIndex(ticket.ticketId(), 2));
        for (String sql : List.of("UPDATE ledger_checkpoint SET at = now()", "DELETE FROM ledger_tree_leaf",
                "UPDATE ledger_tree_leaf SET leaf_hash = leaf_hash", "TRUNCATE ledger_tree_node")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .rootCause().hasMessageContaining("append-only");
        }
    }

    private void assertProblem(String path, int status) {
        Answer answer = get("auditor", path);
        assertThat(answer.status()).as(path).isEqualTo(status);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
    }

    private void setPayload(UUID ticketId, byte[] payload) {
        withTriggersOff(() -> jdbc.sql("UPDATE domain_event_entry SET payload = :payload"
                        + " WHERE aggregate_identifier = :t AND sequence_number = 2")
                .param("payload", payload).param("t", ticketId.toString()).update());
    }

    private void swap(long a, long b) {
        withTriggersOff(() -> {
            jdbc.sql("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = :a").param("a", a).update();
            jdbc.sql("UPDATE domain_event_entry SET global_index = :a WHERE global_index = :b").param("a", a)
                    .param("b", b).update();
            jdbc.sql("UPDATE domain_event_entry SET global_index = :b WHERE global_index = -1").param("b", b).update();
        });
    }

    /** As a database superuser would: the ledger's append-only and chain triggers off, then on again. */
    private void withTriggersOff(Runnable tampering) {
        jdbc.sql("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only").update();
        jdbc.sql("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_chain").update();
        try {
            tampering.run();
        } finally {
            jdbc.sql("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_chain").update();
            jdbc.sql("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only").update();
        }
    }
}
