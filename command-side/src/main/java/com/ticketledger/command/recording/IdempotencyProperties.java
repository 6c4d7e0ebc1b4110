package com.ticketledger.command.recording;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ledger.idempotency.*}: how long an Idempotency-Key is remembered. A key replayed within the retention
 * is answered as the first time; replayed later, it is a new command.
 *
 * @param retention       how long a key's record is kept after its command was committed
 * @param cleanupInterval how often expired records are deleted
 */
@ConfigurationProperties("ledger.idempotency")
record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration cleanupInterval) {
}
