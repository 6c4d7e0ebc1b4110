package com.ticketledger.command.policy;

import com.ticketledger.command.ticket.SlaPolicies;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.store.LedgerStreams;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SLA policies in the ledger. A version never changes once written, so each one read is kept for good; which
 * version is the newest is always read from the ledger, never kept, because another command-side instance may have
 * added one since.
 */
public class LedgerSlaPolicies implements SlaPolicies {

    private final EventStore eventStore;
    private final LedgerStreams streams;
    private final Map<String, SlaPolicy> versions = new ConcurrentHashMap<>();

    public LedgerSlaPolicies(EventStore eventStore, LedgerStreams streams) {
        this.eventStore = eventStore;
        this.streams = streams;
    }

    @Override
    public SlaPolicy version(String name, int version) {
        SlaPolicy known = versions.get(key(name, version));
        if (known != null) {
            return known;
        }
        DomainEventStream stream = eventStore.readEvents(SlaPolicyEvent.streamOf(name), version - 1L);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof SlaPolicyDefined defined && defined.version() == version) {
                SlaPolicy policy = new SlaPolicy(defined.terms());
                versions.putIfAbsent(key(name, version), policy);
                return policy;
            }
        }
        throw new IllegalStateException("the ledger has no version " + version + " of SLA policy " + name);
    }

    /** The newest version of the policy {@code name}, as the ledger has it now; empty when there is no such policy. */
    public OptionalInt currentVersion(String name) {
        return streams.headOf(SlaPolicyEvent.streamOf(name)).stream().mapToInt(sequence -> (int) sequence + 1)
                .findFirst();
    }

    private static String key(String name, int version) {
        return name + "\n" + version;
    }
}
