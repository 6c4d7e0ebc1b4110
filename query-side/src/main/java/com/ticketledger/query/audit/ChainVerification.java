package com.ticketledger.query.audit;

import java.util.UUID;

/** The answer of {@code /verify} (API.md). */
record ChainVerification(UUID ticketId, boolean valid, int events, String headHash, Long firstBrokenSequence) {
}
