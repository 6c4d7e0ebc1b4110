package com.ticketledger.query.audit;

import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code /verify} (docs/api.md).
 *
 * @param valid              the chain holds and every attachment's bytes still have the hash their event names
 * @param attachments        how many attachments were checked
 * @param brokenAttachments  the attachments whose bytes are missing or no longer match their event, in sequence
 */
record ChainVerification(UUID ticketId, boolean valid, int events, String headHash, Long firstBrokenSequence,
        int attachments, List<BrokenAttachment> brokenAttachments) {

    /**
     * An attachment whose stored bytes do not match its event.
     *
     * @param problem {@code MISSING} (no bytes under the event's hash) or {@code ALTERED} (their hash differs)
     */
    record BrokenAttachment(long sequence, UUID attachmentId, String fileName, String problem) {
    }
}
