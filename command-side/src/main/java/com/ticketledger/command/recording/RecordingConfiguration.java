package com.ticketledger.command.recording;

import com.ticketledger.events.MetaDataKeys;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecordingConfiguration {

    /** Every event carries who did it and the request's correlation id, copied from its command. */
    @Bean
    CorrelationDataProvider actorAndCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.USER, MetaDataKeys.ROLE, MetaDataKeys.ORGANISATION,
                MetaDataKeys.LEVEL, MetaDataKeys.CORRELATION_ID);
    }
}
