package com.ticketledger.query.checkpoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key, read (or created) once at start. */
@Configuration(proxyBeanMethods = false)
class CheckpointConfiguration {

    @Bean
    CheckpointKey checkpointKey(CheckpointProperties properties) {
        return CheckpointKey.from(properties);
    }
}
