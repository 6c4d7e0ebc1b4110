package com.ticketledger.query.audit;

import java.util.UUID;

/** The answer of {@code /verify} (docs/api.md). */
record ChainVerification(UUID ticketId, boolean valid, int events, String headHash, Long firstBrokenSequence) {
}
