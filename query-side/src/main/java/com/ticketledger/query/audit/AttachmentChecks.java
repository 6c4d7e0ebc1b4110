package com.ticketledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.AttachmentAdded;
import com.ticketledger.store.AttachmentBlobs;
import com.ticketledger.store.StoredEvent;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit's check of the attachments' bytes: the hash chain protects each AttachmentAdded event, and so the
 * SHA-256 it names; the bytes kept beside the ledger are recomputed against it, so a file changed or removed
 * behind the table's append-only trigger is found and named.
 */
@Component
class AttachmentChecks {

    private final AttachmentBlobs blobs;
    private final ObjectMapper objectMapper;

    AttachmentChecks(AttachmentBlobs blobs, ObjectMapper objectMapper) {
        this.blobs = blobs;
        this.objectMapper = objectMapper;
    }

    record Result(int checked, List<ChainVerification.BrokenAttachment> broken) {
    }

    Result check(List<StoredEvent> stream) {
        int checked = 0;
        List<ChainVerification.BrokenAttachment> broken = new ArrayList<>();
        for (StoredEvent event : stream) {
            if (!AttachmentAdded.class.getName().equals(event.payloadType())) {
                continue;
            }
            checked++;
            JsonNode payload = json(event.payload());
            String sha256 = payload.path("sha256").asText();
            Optional<byte[]> content = blobs.find(sha256);
            String problem = content.isEmpty() ? "MISSING"
                    : AttachmentBlobs.sha256(content.get()).equals(sha256) ? null : "ALTERED";
            if (problem != null) {
                broken.add(new ChainVerification.BrokenAttachment(event.sequenceNumber(),
                        UUID.fromString(payload.path("attachmentId").asText()), payload.path("fileName").asText(),
                        problem));
            }
        }
        return new Result(checked, List.copyOf(broken));
    }

    private JsonNode json(byte[] payload) {
        try {
            return objectMapper.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }
}
