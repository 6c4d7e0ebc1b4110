package com.ticketledger.command.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.command.ticket.TicketVersion;
import com.ticketledger.events.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate savepoint;

    CommandRecorder(CommandGateway gateway, IdempotencyRecords idempotency, LedgerPositions positions,
            ObjectMapper objectMapper, PlatformTransactionManager transactions) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.positions = positions;
        this.objectMapper = objectMapper;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
                        positions.of(ticket.ticketId(), ticket.version()), IdempotencyInterceptor.answersCreated(payload));
            } catch (IdempotencyInterceptor.DuplicateRequest lostTheRace) {
                return replay(actor.user(), idempotencyKey, fingerprint).orElseThrow(() -> lostTheRace);
            } catch (ConcurrencyException appendedElsewhere) {
                if (attempt == ATTEMPTS) {
                    throw appendedElsewhere;
                }
            }
        }
    }

    /**
     * Sends the commands {@code candidates} offers, one after the other, until a ticket accepts one; a ticket that
     * refuses its command as no longer possible in its state (409) is passed over for the next candidate. Empty when
     * the candidates run out first. Runs in the caller's transaction (the command gateway joins it; Axon commits or
     * rolls back only a transaction it started): each attempt is a savepoint of it, so an attempt that is refused or
     * loses a race leaves nothing behind and the caller's row locks are kept. The caller's commit commits the event.
     *
     * @param candidates gives the next command to try, or empty when there is none; called at most
     *                   {@code maxCandidates} times, after which the command is refused as a conflict
     */
    public Optional<Recorded> recordFirstAccepted(Actor actor, String correlationId, String idempotencyKey,
            List<?> request, Supplier<Optional<?>> candidates, int maxCandidates) {
        byte[] fingerprint = idempotencyKey == null ? null : fingerprint(request);
        if (idempotencyKey != null) {
            Optional<Recorded> earlier = replay(actor.user(), idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        MetaData metaData = MetaData.from(metaData(actor, correlationId, idempotencyKey, fingerprint));
        for (int candidate = 1; candidate <= maxCandidates; candidate++) {
            Optional<?> payload = candidates.get();
            if (payload.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(inSavepoints(payload.get(), metaData));
            } catch (CommandRefused refusal) {
                if (refusal.reason() != CommandRefused.Reason.INVALID_TRANSITION) {
                    throw refusal;
                }
            } catch (IdempotencyInterceptor.DuplicateRequest lostTheRace) {
                return Optional.of(replay(actor.user(), idempotencyKey, fingerprint).orElseThrow(() -> lostTheRace));
            }
        }
        throw new ConcurrencyException("the queue kept changing: " + maxCandidates + " tickets were taken first");
    }

    /** One command, tried again on the ticket as it now is when another append came first, each try a savepoint. */
    private Recorded inSavepoints(Object payload, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                return savepoint.execute(status -> {
                    Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(payload)
                            .andMetaData(metaData));
                    TicketVersion ticket = IdempotencyInterceptor.outcome(payload, result);
                    return new Recorded(ticket.ticketId(), ticket.number(), ticket.version(),
                            positions.of(ticket.ticketId(), ticket.version()),
                            IdempotencyInterceptor.answersCreated(payload));
                });
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
