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
 * an opening costs no extra round trip and sees both as of one moment. Which policy to read the head of is known only
 * from the stream itself: the read names the policy this instance last saw the client's contract name ({@code standard}
 * at first), and only when the contract now names another is that one's head read in a second statement. Nothing
 * cached here can be stale in what it answers: the guess only chooses what the one statement reads along.
 */
public class LedgerClientRegister implements ClientRegister {

    private final LedgerStreams streams;
    private final Cache<String, String> lastPolicySeen = Caffeine.newBuilder().maximumSize(10_000).build();

    public LedgerClientRegister(LedgerStreams streams) {
        this.streams = streams;
    }

    @Override
    public Optional<Terms> find(String clientId) {
        String guess = Objects.requireNonNullElse(lastPolicySeen.getIfPresent(clientId), TicketOpened.STANDARD_POLICY);
        LedgerStreams.StreamAndHead read = streams.readWithHeadOf(ClientEvent.streamOf(clientId),
                SlaPolicyEvent.streamOf(guess));
        Terms terms = null;
        ContractSet contract = null;
        for (DomainEventMessage<?> message : read.events()) {
            Object event = message.getPayload();
            if (event instanceof ClientRegistered registered) {
                terms = new Terms(registered.clientId(), ZoneId.of(registered.timeZone()), null, List.of());
            } else if (terms != null && event instanceof ContractSet set) {
                contract = set;
            } else if (terms != null && event instanceof ContactsSet contacts) {
                terms = new Terms(terms.clientId(), terms.zone(), null, List.copyOf(contacts.representatives()));
            }
        }
        if (terms == null || contract == null) {
            return Optional.ofNullable(terms);
        }
        OptionalLong head = read.otherHead();
        if (!contract.slaPolicy().equals(guess)) {
            lastPolicySeen.put(clientId, contract.slaPolicy());
            head = streams.headOf(SlaPolicyEvent.streamOf(contract.slaPolicy()));
        }
        Integer version = head.isPresent() ? (int) head.getAsLong() + 1 : null;
        return Optional.of(new Terms(terms.clientId(), terms.zone(), new Contract(contract.from(), contract.to(),
                contract.slaPolicy(), version, contract.suspended(), contract.suspensionReason()),
                terms.representatives()));
    }
}
