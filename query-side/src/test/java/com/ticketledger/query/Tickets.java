package com.ticketledger.query;

import com.ticketledger.events.Channel;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketType;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Events for query-side tests, with unique ids and numbers. */
final class Tickets {

    private static final AtomicInteger NUMBERS = new AtomicInteger(900_000);

    private Tickets() {
    }

    static TicketOpened opened(String clientId, TicketType type, Priority priority) {
        return new TicketOpened(UUID.randomUUID(), "TCK-" + NUMBERS.incrementAndGet(), clientId,
                new Reporter("Marta", "marta@" + clientId + ".example", null), "vpn-gw-01", "VPN down",
                "Nobody can connect", 40, null, type, priority, Channel.PHONE);
    }

    /** An opening stamped with the policy version in force for the client's contract, as the command side stamps it. */
    static TicketOpened opened(String clientId, Priority priority, String policy, int version) {
        return new TicketOpened(UUID.randomUUID(), "TCK-" + NUMBERS.incrementAndGet(), clientId,
                new Reporter("Marta", "marta@" + clientId + ".example", null), "vpn-gw-01", "VPN down",
                "Nobody can connect", 40, null, TicketType.INCIDENT, priority, Channel.PHONE, null, policy, version);
    }

    static TicketOpened opened(String clientId) {
        return opened(clientId, TicketType.INCIDENT, Priority.HIGH);
    }
}
