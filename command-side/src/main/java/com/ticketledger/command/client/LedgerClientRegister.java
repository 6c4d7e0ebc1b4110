package com.ticketledger.command.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ticketledger.command.ticket.ClientRegister;
import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.store.LedgerStreams;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A client's terms as its own stream in the ledger says now, with the version in force of its contract's SLA policy.
 * The stream is read, not the {@link Client} loaded through its repository: loading an aggregate locks it until the
 * loading command commits, so every opening for one client would wait for the one before; reading its handful of
 * events locks nothing.
 *
 * <p>The client's stream and the head of its policy's stream are read by one statement ({@link LedgerStreams}), so
 * an opening costs no extra round trip and sees both as of one moment. What this instance folded of a client's stream
 * is kept, so each read asks only for the events after it (usually none: the statement brings just the policy's
 * head), and names the policy of the contract folded so far ({@code standard} before any); only when a newer event
 * names another policy is that one's head read in a second statement. Nothing kept here can be stale in what it
 * answers: every read still reads whatever the stream gained since, whichever instance appended it.
 */
public class LedgerClientRegister implements ClientRegister {

    /** What a client's stream says up to {@code next}: its terms (the policy's version aside) and its contract. */
    private record Folded(Terms terms, ContractSet contract, long next) {

        static final Folded NOTHING = new Folded(null, null, 0);

        Folded with(DomainEventMessage<?> message) {
            Object event = message.getPayload();
            long after = message.getSequenceNumber() + 1;
            if (event instanceof ClientRegistered registered) {
                return new Folded(new Terms(registered.clientId(), ZoneId.of(registered.timeZone()), null, List.of()),
                        contract, after);
            } else if (terms != null && event instanceof ContractSet set) {
                return new Folded(terms, set, after);
            } else if (terms != null && event instanceof ContactsSet contacts) {
                return new Folded(new Terms(terms.clientId(), terms.zone(), null,
                        List.copyOf(contacts.representatives())), contract, after);
            }
            return new Folded(terms, contract, after);
        }

        String policy() {
            return contract == null ? TicketOpened.STANDARD_POLICY : contract.slaPolicy();
        }
    }

    private final LedgerStreams streams;
    private final Cache<String, Folded> folded = Caffeine.newBuilder().maximumSize(10_000).build();

    public LedgerClientRegister(LedgerStreams streams) {
        this.streams = streams;
    }

    @Override
    public Optional<Terms> find(String clientId) {
        Folded known = Objects.requireNonNullElse(folded.getIfPresent(clientId), Folded.NOTHING);
        LedgerStreams.StreamAndHead read = streams.readWithHeadOf(ClientEvent.streamOf(clientId), known.next(),
                SlaPolicyEvent.streamOf(known.policy()));
        Folded now = known;
        for (DomainEventMessage<?> message : read.events()) {
            now = now.with(message);
        }
        if (now != known) {
            folded.put(clientId, now);
        }
        if (now.terms() == null || now.contract() == null) {
            return Optional.ofNullable(now.terms());
        }
        OptionalLong head = now.policy().equals(known.policy()) ? read.otherHead()
                : streams.headOf(SlaPolicyEvent.streamOf(now.policy()));
        Integer version = head.isPresent() ? (int) head.getAsLong() + 1 : null;
        ContractSet contract = now.contract();
        return Optional.of(new Terms(now.terms().clientId(), now.terms().zone(), new Contract(contract.from(),
                contract.to(), contract.slaPolicy(), version, contract.suspended(), contract.suspensionReason()),
                now.terms().representatives()));
    }
}
