package com.ticketledger.command.ticket;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The tickets this instance loaded lately, kept between commands so that the next command on one of them does not
 * read its stream again (docs/design.md, "Several machines"). At most {@code maximumSize} tickets, the least
 * recently used leaving first.
 *
 * <p>A cached ticket may be behind the ledger when another command-side instance appended to it since. That can
 * never let a wrong event in: its append takes a sequence number the ledger already has, the unique key refuses
 * it, the unit of work rolls back and Axon drops the ticket from this cache, and the command is tried again on the
 * ticket as it now is. A refusal rolls back too, and the command is then decided once more on the ticket read from
 * the ledger ({@code CommandRecorder}), so nothing is refused for a state the ticket has left.
 */
final class TicketCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> tickets;

    TicketCache(long maximumSize) {
        this.tickets = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) tickets.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        tickets.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return tickets.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return tickets.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        tickets.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return tickets.asMap().containsKey(key);
    }

    /** Nothing here listens to the cache; Axon's aggregate repository does not either. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the ticket cache has no listeners");
    }
}
