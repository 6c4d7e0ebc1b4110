package com.ticketledger.command.recording;

import com.ticketledger.command.client.ClientVersion;
import com.ticketledger.command.client.RegisterClient;
import com.ticketledger.command.policy.DefinePolicy;
import com.ticketledger.command.policy.PolicyVersion;
import com.ticketledger.command.ticket.OpenTicket;
import com.ticketledger.command.ticket.TakeFromQueue;
import com.ticketledger.command.ticket.TicketVersion;
import com.ticketledger.events.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HexFormat;

/**
 * Runs inside the command's unit of work, hence inside its database transaction: after the aggregate has
 * decided, it records the Idempotency-Key together with the outcome. The events are appended when the unit
 * of work commits, in the same transaction, so the key and the events are committed together or not at all.
 */
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String REQUEST_HASH = "requestHash";

    private final IdempotencyRecords records;

    IdempotencyInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(KEY);
        if (key != null) {
            String user = (String) command.getMetaData().get(MetaDataKeys.USER);
            byte[] hash = HexFormat.of().parseHex((String) command.getMetaData().get(REQUEST_HASH));
            boolean created = answersCreated(command.getPayload());
            if (!records.recordIfAbsent(user, (String) key, hash, committed(command.getPayload(), result), created)) {
                throw new DuplicateRequest();
            }
        }
        return result;
    }

    /** A constructor handler answers with the new aggregate's id; every other handler with its version. */
    static TicketVersion outcome(Object command, Object result) {
        if (command instanceof OpenTicket open) {
            return new TicketVersion(open.ticketId(), open.number(), 0);
        }
        return (TicketVersion) result;
    }

    /** What the command changed, a ticket, a client or an SLA policy, and its version after. */
    static Committed committed(Object command, Object result) {
        if (command instanceof RegisterClient register) {
            return Committed.of(new ClientVersion(register.clientId(), 0));
        }
        if (result instanceof ClientVersion client) {
            return Committed.of(client);
        }
        if (command instanceof DefinePolicy define) {
            return Committed.of(new PolicyVersion(define.name(), 1));
        }
        if (result instanceof PolicyVersion policy) {
            return Committed.of(policy);
        }
        return Committed.of(outcome(command, result));
    }

    /**
     * A command answered {@code 201 Created} with the ticket's {@code Location}: an opening, or a take from a queue
     * (the caller learns there which ticket it now has); or with the client's: a registration; or with the SLA
     * policy's: its definition.
     */
    static boolean answersCreated(Object command) {
        return command instanceof OpenTicket || command instanceof TakeFromQueue || command instanceof RegisterClient
                || command instanceof DefinePolicy;
    }

    /** Another request with the same key committed while this one ran; this one rolls back and replays it. */
    static final class DuplicateRequest extends RuntimeException {
        DuplicateRequest() {
            super("a request with the same Idempotency-Key was committed first", null, false, false);
        }
    }
}
