package com.ticketledger.query.checkpoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The signing key, read (or created) once at start, and the schedule of {@link Checkpointer}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointConfiguration {

    @Bean
    CheckpointKey checkpointKey(CheckpointProperties properties) {
        return CheckpointKey.from(properties);
    }
}
