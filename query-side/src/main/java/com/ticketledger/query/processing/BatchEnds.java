package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the threads that wait for a projection as soon as one of its batches ends, when its processor has just
 * recorded how far it got: a read waiting for a position looks again then, rather than at the end of a poll's pause
 * ({@link ProjectionPositions#awaitProcessed}). Each batch of a projection ends with {@link #interceptor}'s wake-up.
 */
@Component
public class BatchEnds {

    private final Map<String, Set<Thread>> waiting = new ConcurrentHashMap<>();

    /**
     * Has the calling thread unparked whenever a batch of {@code projection} ends, until the returned registration is
     * closed: taken before the thread first looks at the projection's position, so that a batch that ends between
     * a look and the thread's park is not missed (its unpark is the park's permit).
     */
    Waiting waiting(String projection) {
        Set<Thread> threads = waiting.computeIfAbsent(projection, name -> ConcurrentHashMap.newKeySet());
        Thread current = Thread.currentThread();
        threads.add(current);
        return () -> threads.remove(current);
    }

    /** A thread's registration as waiting for a projection. */
    interface Waiting extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * What each batch of {@code projection}'s processor ends with: its waiting threads woken, in the unit of work's
     * clean-up, after the processor's own after-commit handler has recorded the batch's token as processed.
     */
    MessageHandlerInterceptor<EventMessage<?>> interceptor(String projection) {
        String key = BatchEnds.class.getName() + "." + projection;
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> root = unitOfWork.root();
                root.getOrComputeResource(key, k -> {
                    root.onCleanup(u -> ended(projection));
                    return Boolean.TRUE;
                });
                return chain.proceed();
            }
        };
    }

    private void ended(String projection) {
        Set<Thread> threads = waiting.get(projection);
        if (threads != null) {
            threads.forEach(LockSupport::unpark);
        }
    }
}
