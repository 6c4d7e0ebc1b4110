package com.ticketledger.command.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.OpenTicket;
import com.ticketledger.command.ticket.TicketVersion;
import com.ticketledger.events.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a command and answers only once its event is committed. With an Idempotency-Key, a request already
 * committed under that key (same user) is answered as the first time without sending anything. When another
 * instance appended to the same ticket first (the stream's unique key said so), the command is tried again
 * on the ticket as it now is: the aggregate then decides afresh, so nothing is lost and nothing applied twice.
 */
@Component
public class CommandRecorder {

    static final int ATTEMPTS = 5;

    private final CommandGateway gateway;
    private final IdempotencyRecords idempotency;
    private final LedgerPositions positions;
    private final ObjectMapper objectMapper;

    CommandRecorder(CommandGateway gateway, IdempotencyRecords idempotency, LedgerPositions positions,
            ObjectMapper objectMapper) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.positions = positions;
        this.objectMapper = objectMapper;
    }

    /**
     * @param actor          who sends it
     * @param correlationId  ties the events to this request
     * @param idempotencyKey the request's Idempotency-Key, or {@code null}
     * @param request        what identifies the request for its key (route, body, preconditions)
     * @param command        builds the command; not called when the request is a replay
     */
    public Recorded record(Actor actor, String correlationId, String idempotencyKey, List<?> request,
            Supplier<?> command) {
        byte[] fingerprint = idempotencyKey == null ? null : fingerprint(request);
        if (idempotencyKey != null) {
            Optional<Recorded> earlier = replay(actor.user(), idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Object payload = command.get();
        MetaData metaData = MetaData.from(metaData(actor, correlationId, idempotencyKey, fingerprint));
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData));
                TicketVersion ticket = IdempotencyInterceptor.outcome(payload, result);
                return new Recorded(ticket.ticketId(), ticket.number(), ticket.version(),
                        positions.of(ticket.ticketId(), ticket.version()), payload instanceof OpenTicket);
            } catch (IdempotencyInterceptor.DuplicateRequest lostTheRace) {
                return replay(actor.user(), idempotencyKey, fingerprint).orElseThrow(() -> lostTheRace);
            } catch (ConcurrencyException appendedElsewhere) {
                if (attempt == ATTEMPTS) {
                    throw appendedElsewhere;
                }
            }
        }
    }

    private Optional<Recorded> replay(String user, String key, byte[] fingerprint) {
        return idempotency.find(user, key).map(entry -> {
            if (!Arrays.equals(entry.requestHash(), fingerprint)) {
                throw new IdempotencyKeyReused(key);
            }
            TicketVersion ticket = entry.ticket();
            return new Recorded(ticket.ticketId(), ticket.number(), ticket.version(),
                    positions.of(ticket.ticketId(), ticket.version()), entry.created());
        });
    }

    private static Map<String, String> metaData(Actor actor, String correlationId, String key, byte[] fingerprint) {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.USER, actor.user());
        metaData.put(MetaDataKeys.ROLE, actor.role().name());
        if (actor.organisation() != null) {
            metaData.put(MetaDataKeys.ORGANISATION, actor.organisation());
        }
        if (actor.level() != null) {
            metaData.put(MetaDataKeys.LEVEL, actor.level().name());
        }
        metaData.put(MetaDataKeys.CORRELATION_ID, correlationId);
        if (key != null) {
            metaData.put(IdempotencyInterceptor.KEY, key);
            metaData.put(IdempotencyInterceptor.REQUEST_HASH, HexFormat.of().formatHex(fingerprint));
        }
        return metaData;
    }

    private byte[] fingerprint(List<?> request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(objectMapper.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a request could not be fingerprinted", e);
        }
    }
}
