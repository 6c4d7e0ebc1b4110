package com.ticketledger.command.queue;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The queue index subscribes to the event bus itself: Axon hands each unit of work's events to the bus's subscribers
 * as the unit of work prepares its commit, in the publishing thread, right after the event store has appended them
 * in the same transaction. An exception from the index propagates to the command, whose transaction rolls back,
 * events included; nothing between swallows it. QueueIndexIT proves both.
 *
 * <p>It was a subscribing event processor until a profile showed the processor's own machinery (a unit of work per
 * event batch, interceptors, the handler look-up, a result message per event) costing more of each command than the
 * index's SQL: a plain subscriber does the same in the same place without it.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    ConfigurerModule queueIndexInTheCommandsTransaction(QueueIndex index) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> configuration.eventBus().subscribe(index::applyAll)));
    }
}
