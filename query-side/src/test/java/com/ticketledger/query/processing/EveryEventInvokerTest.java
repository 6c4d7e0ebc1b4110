package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EveryEventInvokerTest {

    /** Handlers that take only text payloads, and remember what they were handed. */
    private static final class TextHandlers implements EventHandlerInvoker {
        final List<Object> handled = new ArrayList<>();

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            return event.getPayload() instanceof String;
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return String.class.equals(payloadType);
        }

        @Override
        public void handle(EventMessage<?> event, Segment segment) {
            handled.add(event.getPayload());
        }
    }

    @Test
    void takesEveryEventIntoTheBatchAndHandsTheHandlersOnlyWhatTheyTake() throws Exception {
        TextHandlers handlers = new TextHandlers();
        EveryEventInvoker invoker = new EveryEventInvoker(handlers);
        EventMessage<?> text = GenericEventMessage.asEventMessage("opened");
        EventMessage<?> number = GenericEventMessage.asEventMessage(42);

        assertThat(invoker.canHandle(number, Segment.ROOT_SEGMENT)).isTrue();
        assertThat(invoker.canHandleType(Integer.class)).isTrue();
        invoker.handle(text, Segment.ROOT_SEGMENT);
        invoker.handle(number, Segment.ROOT_SEGMENT);

        assertThat(handlers.handled).containsExactly("opened");
    }
}
