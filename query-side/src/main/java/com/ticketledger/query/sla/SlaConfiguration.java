package com.ticketledger.query.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    /** Built once at start: a policy that does not add up stops the query side with a clear message. */
    @Bean
    SlaPolicy slaPolicy(SlaProperties properties) {
        return new SlaPolicy(properties);
    }
}
