package com.ticketledger.command.queue;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The queue index is a subscribing processor: Axon's event bus hands it each event in the publishing thread, in
 * the command's unit of work, where the events are appended to the ledger (the Axon reference, "Subscribing Event
 * Processor": "the event publishing thread is the same one handling the event"). Its errors propagate instead of
 * being logged and swallowed (Axon's default for event handlers), so an index that cannot be written fails the
 * command and its transaction rolls back, events included. QueueIndexIT proves both.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    ConfigurerModule queueIndexInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(QueueIndex.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(QueueIndex.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
