package com.ticketledger.events;

/**
 * An event in an SLA policy's stream: each of its versions. The set is closed, like {@link TicketEvent}'s.
 *
 * <p>A policy's stream is named {@code sla-policy:<name>} (see {@link #STREAM_PREFIX}), so it can never share an
 * aggregate id with a ticket (a UUID) or a client ({@code client:<id>}).
 */
public sealed interface SlaPolicyEvent permits SlaPolicyDefined {

    /** What a policy's stream name begins with, before its name. */
    String STREAM_PREFIX = "sla-policy:";

    /** The policy's name, as contracts name it (e.g. {@code standard}). */
    String name();

    /** The aggregate id of the stream of the policy {@code name}. */
    static String streamOf(String name) {
        return STREAM_PREFIX + name;
    }
}
