package com.ticketledger.events;

import java.util.List;

/**
 * Who speaks for the client, as it now stands; it replaces the contacts before. The e-mail addresses and the
 * focal point's name are personal data, each in a field of its own.
 *
 * @param clientId          the client organisation
 * @param representatives   user names of the organisation who may accept a resolution or reopen a ticket; empty:
 *                          any user of the organisation may
 * @param focalPointName    the client's technical focal point, or {@code null}
 * @param focalPointEmail   the focal point's e-mail address, or {@code null}
 * @param areaManagerEmail  the e-mail address of the desk's area manager for this client (told of escalations to
 *                          the vendor), or {@code null}
 * @param escalationEmails  further e-mail addresses to tell of escalations; may be empty
 */
public record ContactsSet(
        String clientId,
        List<String> representatives,
        String focalPointName,
        String focalPointEmail,
        String areaManagerEmail,
        List<String> escalationEmails) implements ClientEvent {
}
