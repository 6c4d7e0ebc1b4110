package com.ticketledger.query.checkpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ledger.checkpoint.*} (docs/security.md, "The checkpoint key").
 *
 * @param interval  how often a checkpoint is recorded when new events have come (and settled)
 * @param key       the Ed25519 private key, PKCS#8 in base64 (or PEM): LEDGER_CHECKPOINT_KEY
 * @param keyFile   where the key is kept when {@code key} is not set; a missing file is created with a new key
 *                  (the embedded default's data directory), which the log says
 * @param batchSize at most this many events go into one checkpoint; a large backlog becomes several
 */
@ConfigurationProperties("ledger.checkpoint")
public record CheckpointProperties(@DefaultValue("10s") Duration interval, String key, Path keyFile,
        @DefaultValue("100000") int batchSize) {
}
