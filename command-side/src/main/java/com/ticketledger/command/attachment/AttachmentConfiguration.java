package com.ticketledger.command.attachment;

import com.ticketledger.store.AttachmentBlobs;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Puts the {@link AttachmentBytesInterceptor} on the command bus, inside each command's transaction. */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

    @Autowired
    void register(CommandBus commandBus, AttachmentBlobs blobs) {
        commandBus.registerHandlerInterceptor(new AttachmentBytesInterceptor(blobs));
    }
}
