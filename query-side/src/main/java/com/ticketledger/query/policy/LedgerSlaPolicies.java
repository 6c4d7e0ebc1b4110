package com.ticketledger.query.policy;

import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.sla.SlaPolicy;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link SlaPolicies} read from the ledger: a policy's versions are the {@link SlaPolicyDefined} events of its stream
 * ({@code sla-policy:<name>}, read by aggregate id like a ticket's), never another projection's table, because
 * projections are rebuilt independently and in any order. A version never changes once written, so each one is built
 * once and kept for the life of the process; a miss reads the policy's stream again (a version written since).
 *
 * <p>A ticket opened before policies were kept in the ledger reads as version 1 of {@code standard}; on a deployment
 * whose command side has not written that version yet, it is the query side's configured policy ({@code ledger.sla},
 * the very configuration version 1 is written from), said once in the log. Any other missing version is a fault:
 * {@link UnknownSlaPolicyVersion}.
 */
@Component
class LedgerSlaPolicies implements SlaPolicies {

    private static final Logger log = LoggerFactory.getLogger(LedgerSlaPolicies.class);

    /**
     * How long the fallback is used before the stream of {@code standard} is read again: a replay of many older
     * tickets asks for it once per event, and the command side writes it once, at its first start.
     */
    private static final Duration RECHECK = Duration.ofSeconds(10);

    private final EventStore eventStore;
    private final SlaPolicy configured;
    private final Map<Key, SlaPolicy> built = new ConcurrentHashMap<>();
    private final AtomicBoolean fallbackSaid = new AtomicBoolean();

    /** While falling back, when the stream of {@code standard} was last found without version 1 (nanoTime). */
    private volatile long standardMissingSince;
    private volatile boolean standardMissing;

    LedgerSlaPolicies(EventStore eventStore, SlaPolicy configured) {
        this.eventStore = eventStore;
        this.configured = configured;
    }

    private record Key(String name, int version) {
    }

    @Override
    public SlaPolicy version(String name, int version) {
        Key key = new Key(name, version);
        SlaPolicy policy = built.get(key);
        if (policy != null) {
            return policy;
        }
        boolean fallback = TicketOpened.STANDARD_POLICY.equals(name) && version == 1;
        if (fallback && standardMissing && System.nanoTime() - standardMissingSince < RECHECK.toNanos()) {
            return configured;
        }
        read(name);
        policy = built.get(key);
        if (policy != null) {
            return policy;
        }
        if (fallback) {
            standardMissingSince = System.nanoTime();
            standardMissing = true;
            if (fallbackSaid.compareAndSet(false, true)) {
                log.warn("The ledger holds no version 1 of the SLA policy standard yet (the command side writes it"
                        + " at its first start): tickets opened before policies were kept in the ledger are measured"
                        + " by this side's configured policy (ledger.sla), from which that version is written");
            }
            return configured;
        }
        throw new UnknownSlaPolicyVersion(name, version);
    }

    /** Builds every version of the policy's stream not built yet. */
    private void read(String name) {
        DomainEventStream events = eventStore.readEvents(SlaPolicyEvent.streamOf(name));
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (message.getPayload() instanceof SlaPolicyDefined defined) {
                built.computeIfAbsent(new Key(defined.name(), defined.version()),
                        key -> new SlaPolicy(defined.terms()));
            }
        }
    }
}
