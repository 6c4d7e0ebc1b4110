package com.ticketledger.query.processing;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.web.monitoring.CorrelationIdFilter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * While a projection handles an event, the correlation id of the request that caused it (the event's
 * metadata, written by the command side) is in the logging context, so that one command can be followed
 * from the command side's log into this one. At DEBUG, each event handled is logged.
 */
final class EventCorrelation implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(EventCorrelation.class);

    private final String processor;

    EventCorrelation(String processor) {
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        Object correlationId = event.getMetaData().get(MetaDataKeys.CORRELATION_ID);
        String outer = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            MDC.put(CorrelationIdFilter.MDC_KEY, correlationId.toString());
        }
        try {
            if (log.isDebugEnabled()) {
                log.debug("{} handles {} of ticket {}", processor, event.getPayloadType().getSimpleName(),
                        event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "-");
            }
            return chain.proceed();
        } finally {
            if (outer == null) {
                MDC.remove(CorrelationIdFilter.MDC_KEY);
            } else {
                MDC.put(CorrelationIdFilter.MDC_KEY, outer);
            }
        }
    }
}
