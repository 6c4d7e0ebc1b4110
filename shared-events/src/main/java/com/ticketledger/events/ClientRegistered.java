package com.ticketledger.events;

/**
 * A client organisation was registered with the desk. It has no contract yet: tickets may be opened for it once
 * one is in force.
 *
 * @param clientId the organisation's id, as tickets and its CLIENT users name it
 * @param name     its name, as the desk and the reports show it
 * @param language the language it is written to in, {@code es-AR} or {@code en}
 * @param timeZone its time zone (an IANA id such as {@code America/Argentina/Buenos_Aires}): a contract's days
 *                 begin and end there
 */
public record ClientRegistered(String clientId, String name, String language, String timeZone)
        implements ClientEvent {
}
