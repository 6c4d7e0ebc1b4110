package com.ticketledger.command.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.command.client.ClientVersion;
import com.ticketledger.command.policy.PolicyVersion;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.command.ticket.TicketCommand;
import com.ticketledger.command.ticket.TicketVersion;
import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.store.AppendedPositions;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a command and answers only once its event is committed. With an Idempotency-Key, a request already
 * committed under that key (same user) is answered as the first time. When another instance appended to the same
 * ticket first (the stream's unique key said so), the command is tried again on the ticket as it now is: the
 * aggregate then decides afresh, so nothing is lost and nothing applied twice.
 *
 * <p>A key is not looked up before the command is sent: the key's record is written in the command's own
 * transaction and refuses a second one ({@link IdempotencyInterceptor}), so a repeated request rolls back whatever
 * its command did and is then answered from the record. A first request, by far the common case, costs no look-up
 * and no transaction of its own; a repeated one costs a command that is thrown away (and, for an opening, a ticket
 * number that is never used). A repeated request whose command is now refused (the ticket moved on since) is
 * answered from the record too, never with the refusal.
 */
@Component
public class CommandRecorder {

    static final int ATTEMPTS = 5;

    private final CommandGateway gateway;
    private final IdempotencyRecords idempotency;
    private final LedgerPositions positions;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate transaction;
    private final CommandAdmission admission;

    CommandRecorder(CommandGateway gateway, IdempotencyRecords idempotency, LedgerPositions positions,
            ObjectMapper objectMapper, PlatformTransactionManager transactions, CommandAdmission admission) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.positions = positions;
        this.objectMapper = objectMapper;
        this.transaction = new TransactionTemplate(transactions);
        this.admission = admission;
    }

    /**
     * @param actor          who sends it
     * @param correlationId  ties the events to this request
     * @param idempotencyKey the request's Idempotency-Key, or {@code null}
     * @param request        what identifies the request for its key (route, body, preconditions)
     * @param command        builds the command
     */
    public Recorded record(Actor actor, String correlationId, String idempotencyKey, List<?> request,
            Supplier<?> command) {
        return send(actor, correlationId, idempotencyKey, request, command, this::recorded, this::replayed);
    }

    /** As {@link #record}, for a command on the client register: the answer names the client. */
    public ClientRecorded recordClientChange(Actor actor, String correlationId, String idempotencyKey,
            List<?> request, Supplier<?> command) {
        return send(actor, correlationId, idempotencyKey, request, command, (payload, result) -> {
            ClientVersion client = IdempotencyInterceptor.committed(payload, result).client();
            return new ClientRecorded(client.clientId(), client.version(),
                    positions.of(ClientEvent.streamOf(client.clientId()), client.version()),
                    IdempotencyInterceptor.answersCreated(payload));
        }, entry -> new ClientRecorded(entry.committed().client().clientId(), entry.committed().version(),
                positions.of(ClientEvent.streamOf(entry.committed().clientId()), entry.committed().version()),
                entry.created()));
    }

    /** As {@link #record}, for a command on an SLA policy: the answer names the policy and the version it defined. */
    public PolicyRecorded recordPolicyChange(Actor actor, String correlationId, String idempotencyKey,
            List<?> request, Supplier<?> command) {
        return send(actor, correlationId, idempotencyKey, request, command, (payload, result) -> {
            PolicyVersion policy = IdempotencyInterceptor.committed(payload, result).policyVersion();
            return new PolicyRecorded(policy.name(), policy.version(),
                    positions.of(SlaPolicyEvent.streamOf(policy.name()), policy.sequence()),
                    IdempotencyInterceptor.answersCreated(payload));
        }, entry -> {
            PolicyVersion policy = entry.committed().policyVersion();
            return new PolicyRecorded(policy.name(), policy.version(),
                    positions.of(SlaPolicyEvent.streamOf(policy.name()), policy.sequence()), entry.created());
        });
    }

    private <R> R send(Actor actor, String correlationId, String idempotencyKey, List<?> request,
            Supplier<?> command, BiFunction<Object, Object, R> answered,
            Function<IdempotencyRecords.Entry, R> replayed) {
        byte[] fingerprint = idempotencyKey == null ? null : fingerprint(request);
        Object payload = command.get();
        MetaData metaData = MetaData.from(metaData(actor, correlationId, idempotencyKey, fingerprint));
        AppendedPositions.clear();
        boolean decidedAgain = false;
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = admission.admit(() -> gateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData)));
                return answered.apply(payload, result);
            } catch (IdempotencyInterceptor.DuplicateRequest repeated) {
                return replay(actor.user(), idempotencyKey, fingerprint).map(replayed).orElseThrow(() -> repeated);
            } catch (ConcurrencyException | AggregateStreamCreationException appendedElsewhere) {
                // AggregateStreamCreationException: another request created the same stream first (a client
                // registered, a policy defined at the same moment); decided again, the command finds it there
                if (attempt == ATTEMPTS) {
                    throw appendedElsewhere;
                }
            } catch (CommandRefused refused) {
                if (!decidedAgain) {
                    // The ticket may have come from this instance's cache, behind another instance's appends; the
                    // refusal dropped it from there, so the second decision is on the ticket as the ledger has it.
                    decidedAgain = true;
                    continue;
                }
                if (idempotencyKey == null) {
                    throw refused;
                }
                return replay(actor.user(), idempotencyKey, fingerprint).map(replayed).orElseThrow(() -> refused);
            } catch (RuntimeException refused) {
                if (idempotencyKey == null) {
                    throw refused;
                }
                return replay(actor.user(), idempotencyKey, fingerprint).map(replayed).orElseThrow(() -> refused);
            }
        }
    }

    /**
     * Sends the command {@code next} offers (a ticket chosen by the caller, e.g. a queue's head), each try in a
     * transaction of its own that both chooses the ticket and decides it, so a row the chooser locks stays locked
     * until the ticket's event and the chooser's row are committed together. A ticket that refuses its command as no
     * longer possible in its state (409) is passed over: the next try's chooser is told to skip it. Empty when
     * {@code next} has nothing to offer.
     *
     * <p>Each try is a whole transaction rather than a savepoint of one: when a command fails, Axon's JDBC connection
     * wrapper rolls back the connection itself (not through Spring), which would end any transaction around it.
     *
     * @param next          chooses the command to try, skipping the tickets given; empty when there is none
     * @param maxCandidates how many tickets may be passed over before the command is refused as a conflict
     */
    public Optional<Recorded> recordFirstAccepted(Actor actor, String correlationId, String idempotencyKey,
            List<?> request, Function<Set<UUID>, Optional<? extends TicketCommand>> next, int maxCandidates) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("each try is a transaction of its own; call this outside a transaction");
        }
        byte[] fingerprint = idempotencyKey == null ? null : fingerprint(request);
        if (idempotencyKey != null) {
            Optional<Recorded> earlier = replay(actor.user(), idempotencyKey, fingerprint).map(this::replayed);
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        MetaData metaData = MetaData.from(metaData(actor, correlationId, idempotencyKey, fingerprint));
        AppendedPositions.clear();
        Set<UUID> passedOver = new HashSet<>();
        Set<UUID> decidedAgain = new HashSet<>();
        AtomicReference<UUID> tried = new AtomicReference<>();
        for (int conflicts = 0; passedOver.size() < maxCandidates; ) {
            try {
                return admission.admit(() -> transaction.execute(status -> next.apply(Set.copyOf(passedOver))
                        .map(command -> {
                            tried.set(command.ticketId());
                            return recorded(command, gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                    .andMetaData(metaData)));
                        })));
            } catch (CommandRefused refusal) {
                if (refusal.reason() != CommandRefused.Reason.INVALID_TRANSITION) {
                    throw refusal;
                }
                if (decidedAgain.add(tried.get())) {
                    continue; // as in record: once more on the ticket as the ledger has it, not as cached
                }
                passedOver.add(tried.get());
            } catch (IdempotencyInterceptor.DuplicateRequest lostTheRace) {
                return Optional.of(replay(actor.user(), idempotencyKey, fingerprint).map(this::replayed)
                        .orElseThrow(() -> lostTheRace));
            } catch (ConcurrencyException appendedElsewhere) {
                if (++conflicts == ATTEMPTS) {
                    throw appendedElsewhere;
                }
            }
        }
        throw new ConcurrencyException("the queue kept changing: " + maxCandidates + " tickets were passed over");
    }

    /** What the handler answered, with the global position of the event it wrote. */
    private Recorded recorded(Object payload, Object result) {
        TicketVersion ticket = IdempotencyInterceptor.outcome(payload, result);
        return new Recorded(ticket.ticketId(), ticket.number(), ticket.version(),
                positions.of(ticket.ticketId(), ticket.version()), IdempotencyInterceptor.answersCreated(payload));
    }

    /** The earlier request under this key, provided it was the same request. */
    private Optional<IdempotencyRecords.Entry> replay(String user, String key, byte[] fingerprint) {
        return idempotency.find(user, key).map(entry -> {
            if (!Arrays.equals(entry.requestHash(), fingerprint)) {
                throw new IdempotencyKeyReused(key);
            }
            return entry;
        });
    }

    private Recorded replayed(IdempotencyRecords.Entry entry) {
        TicketVersion ticket = entry.committed().ticket();
        return new Recorded(ticket.ticketId(), ticket.number(), ticket.version(),
                positions.of(ticket.ticketId(), ticket.version()), entry.created());
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
