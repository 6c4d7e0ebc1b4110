package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Every projection's handling of an event answers with one shared, empty result. Axon's unit of work wraps what the
 * handling returns in a result message when it is not one already, and each new message takes a random identifier: a
 * UUID from the JDK's {@code SecureRandom}, whose native source is read under one lock for the whole process. Nothing
 * reads an event handler's result but to tell whether it failed, which an exception tells before any result is made.
 * A rebuild's workers spent 7 % of their CPU making those identifiers (docs/BENCHMARKS.md, session 16).
 */
final class HandledResult implements MessageHandlerInterceptor<EventMessage<?>> {

    static final ResultMessage<Void> HANDLED = GenericResultMessage.asResultMessage((Object) null);

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        chain.proceed();
        return HANDLED;
    }
}
