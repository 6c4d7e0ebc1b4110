package com.ticketledger.query.read;

import com.ticketledger.events.Role;
import com.ticketledger.web.access.DeskPrincipal;

/**
 * Who reads, as far as visibility goes: a client sees its own organisation's tickets and nothing else, not
 * even their count; desk staff, auditors and analysts see every organisation's.
 *
 * @param organisation the only organisation visible, or {@code null} for all
 */
public record Viewer(String organisation) {

    public static Viewer current() {
        DeskPrincipal principal = DeskPrincipal.current();
        return new Viewer(principal.is(Role.CLIENT) ? principal.organisation() : null);
    }

    public boolean isClient() {
        return organisation != null;
    }

    public boolean sees(String clientId) {
        return organisation == null || organisation.equals(clientId);
    }
}
