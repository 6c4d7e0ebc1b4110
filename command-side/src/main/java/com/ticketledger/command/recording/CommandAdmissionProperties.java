package com.ticketledger.command.recording;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ledger.commands.*}: how many commands this instance works on at once ({@link CommandAdmission}).
 *
 * @param concurrency how many commands are decided and appended at once; the others wait their turn. 0 (the
 *                    default) means twice this machine's cores
 * @param maxWait     how long a command waits for its turn before it is answered 503 {@code commands-busy}
 */
@ConfigurationProperties("ledger.commands")
record CommandAdmissionProperties(
        @DefaultValue("0") int concurrency,
        @DefaultValue("3s") Duration maxWait) {

    CommandAdmissionProperties {
        if (concurrency < 0) {
            throw new IllegalArgumentException("ledger.commands.concurrency must be 0 (twice the cores) or more");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("ledger.commands.max-wait must not be negative");
        }
    }

    /** The number of commands at once that {@link #concurrency} names. */
    int slots() {
        return concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
    }
}
