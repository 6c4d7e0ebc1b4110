package com.ticketledger.command.recording;

import com.ticketledger.events.MetaDataKeys;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecordingConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RecordingConfiguration.class);

    private final IdempotencyRecords idempotencyRecords;
    private final IdempotencyProperties idempotency;

    RecordingConfiguration(IdempotencyRecords idempotencyRecords, IdempotencyProperties idempotency) {
        this.idempotencyRecords = idempotencyRecords;
        this.idempotency = idempotency;
    }

    /** Idempotency records past their retention are deleted every {@code ledger.idempotency.cleanup-interval}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(() -> {
            int deleted = idempotencyRecords.deleteExpired();
            if (deleted > 0) {
                log.info("deleted {} idempotency records older than {}", deleted, idempotency.retention());
            }
        }, idempotency.cleanupInterval());
    }

    /** Every event carries who did it and the request's correlation id, copied from its command. */
    @Bean
    CorrelationDataProvider actorAndCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.USER, MetaDataKeys.ROLE, MetaDataKeys.ORGANISATION,
                MetaDataKeys.LEVEL, MetaDataKeys.CORRELATION_ID);
    }
}
