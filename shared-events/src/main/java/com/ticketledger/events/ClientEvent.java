package com.ticketledger.events;

/**
 * An event in a client organisation's stream: its registration, its contract, its contacts. The set is closed,
 * like {@link TicketEvent}'s: a new kind of event is a new record listed here, and a changed event is a new
 * revision with an upcaster.
 *
 * <p>A client's stream is named {@code client:<clientId>} (see {@link #STREAM_PREFIX}), so it can never share an
 * aggregate id with a ticket, whose stream is named by a UUID.
 */
public sealed interface ClientEvent permits ClientRegistered, ContractSet, ContactsSet {

    /** What a client's stream name begins with, before its {@code clientId}. */
    String STREAM_PREFIX = "client:";

    /** The client organisation's id, as tickets and CLIENT users name it (e.g. {@code acme}). */
    String clientId();

    /** The aggregate id of the stream of the client {@code clientId}. */
    static String streamOf(String clientId) {
        return STREAM_PREFIX + clientId;
    }
}
