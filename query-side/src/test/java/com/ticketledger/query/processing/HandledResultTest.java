package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HandledResultTest {

    /** A batch handled as a processor handles one: each event through the interceptors, inside the unit of work. */
    private static ResultMessage<?> handle(List<EventMessage<?>> events, List<Object> handled, String failOn) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        return unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(new EventCorrelation("test"), new HandledResult()), event -> {
                    if (event.getPayload().equals(failOn)) {
                        throw new IllegalStateException("cannot handle " + failOn);
                    }
                    handled.add(event.getPayload());
                    return null;
                }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
    }

    @Test
    void everyEventOfABatchAnswersWithTheSharedResultAfterItsHandlers() {
        List<Object> handled = new ArrayList<>();

        ResultMessage<?> result = handle(List.of(GenericEventMessage.asEventMessage("opened"),
                GenericEventMessage.asEventMessage("assigned")), handled, null);

        assertThat(result).isSameAs(HandledResult.HANDLED);
        assertThat(result.isExceptional()).isFalse();
        assertThat(handled).containsExactly("opened", "assigned");
    }

    @Test
    void aHandlerThatFailsStillFailsTheBatch() {
        List<Object> handled = new ArrayList<>();

        ResultMessage<?> result = handle(List.of(GenericEventMessage.asEventMessage("opened"),
                GenericEventMessage.asEventMessage("assigned")), handled, "assigned");

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessage("cannot handle assigned");
    }
}
