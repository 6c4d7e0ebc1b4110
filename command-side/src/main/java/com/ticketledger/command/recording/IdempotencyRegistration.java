package com.ticketledger.command.recording;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Puts the {@link IdempotencyInterceptor} on the command bus, inside each command's transaction. */
@Configuration(proxyBeanMethods = false)
class IdempotencyRegistration {

    @Autowired
    void register(CommandBus commandBus, IdempotencyRecords records) {
        commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(records));
    }
}
