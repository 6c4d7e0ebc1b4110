package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * A rebuild's handlers, taking every event into the work package's batch and handing each to the handlers that
 * take it. Axon's pooled processor passes over an event no handler takes without storing a token past it (the
 * coordinator even has the stream skip its type), so the stored token of a rebuild whose projection takes few of
 * the ledger's events (the clients') stood still while its processor read on, and its swap, which compares stored
 * tokens, waited and retried. Here each batch commits its token, whatever it handled.
 */
final class EveryEventInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker handlers;

    EveryEventInvoker(EventHandlerInvoker handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return true;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return true;
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        if (handlers.canHandle(event, segment)) {
            handlers.handle(event, segment);
        }
    }

    @Override
    public boolean supportsReset() {
        return handlers.supportsReset();
    }

    @Override
    public void performReset() {
        handlers.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        handlers.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        handlers.segmentReleased(segment);
    }
}
