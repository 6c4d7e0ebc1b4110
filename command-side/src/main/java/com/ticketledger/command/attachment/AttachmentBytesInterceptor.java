package com.ticketledger.command.attachment;

import com.ticketledger.command.ticket.AddAttachment;
import com.ticketledger.store.AttachmentBlobs;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Stores an attachment's bytes inside the command's unit of work, hence inside its database transaction, and
 * only once the ticket has accepted the command: a refused attachment throws before this line and leaves no
 * bytes behind, and an accepted one commits its bytes together with its event, or neither.
 */
class AttachmentBytesInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final AttachmentBlobs blobs;

    AttachmentBytesInterceptor(AttachmentBlobs blobs) {
        this.blobs = blobs;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        if (unitOfWork.getMessage().getPayload() instanceof AddAttachment attachment) {
            blobs.keep(attachment.sha256(), attachment.content());
        }
        return result;
    }
}
