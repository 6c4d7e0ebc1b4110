package com.ticketledger.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The global position of each event this process read lately from the ledger's stream, by event identifier, as the
 * storage engine found it in the event's row. A projection that records an event's own position (not the position
 * its streaming token stands at, which differs for an event that fills a gap) finds it here rather than asking the
 * database once per batch; an event read too long ago to be kept (more than {@code capacity} events back) is not
 * here, and its reader asks the database as before.
 *
 * <p>Written by the threads that read the ledger (the event store's producer, a rebuild's stream), read by every
 * processor's threads. Each event takes one slot of a ring; the oldest is forgotten when the ring is full.
 */
public final class ReadPositions {

    private final Map<String, Long> positions;
    private final String[] ring;
    private int next;

    public ReadPositions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.ring = new String[capacity];
        // sized for the full ring from the start: never resized while the processors read it
        this.positions = new ConcurrentHashMap<>(capacity);
    }

    /** The position of the event {@code eventIdentifier}, or {@code null} if it was not read lately. */
    public Long of(String eventIdentifier) {
        return positions.get(eventIdentifier);
    }

    /** The event {@code eventIdentifier} was read at {@code position}. */
    synchronized void read(String eventIdentifier, long position) {
        String forgotten = ring[next];
        if (forgotten != null) {
            positions.remove(forgotten);
        }
        ring[next] = eventIdentifier;
        next = (next + 1) % ring.length;
        positions.put(eventIdentifier, position);
    }
}
