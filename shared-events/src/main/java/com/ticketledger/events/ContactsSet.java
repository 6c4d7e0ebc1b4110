package com.ticketledger.events;

import java.util.List;

/**
 * Who speaks for the client, as it now stands; it replaces the contacts before. The client's technical focal point
 * is a person of the client, its data subject here: the focal point's name and e-mail are marked personal data,
 * encrypted under the focal point's key and erasable (without an e-mail, they are written as given). The area
 * manager's and the escalation addresses are the desk's working addresses, not marked.
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
        @PersonalData String focalPointName,
        @PersonalData String focalPointEmail,
        String areaManagerEmail,
        List<String> escalationEmails) implements ClientEvent, DataSubject {

    @Override
    public String dataSubject() {
        return DataSubject.of(focalPointEmail, null);
    }
}
