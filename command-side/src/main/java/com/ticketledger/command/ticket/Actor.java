package com.ticketledger.command.ticket;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;

/**
 * Who issues a command, as authenticated.
 *
 * @param user         the person's user name
 * @param role         what they do at the desk
 * @param organisation a CLIENT's organisation; {@code null} for desk staff
 * @param level        an ENGINEER's support level; {@code null} otherwise
 */
public record Actor(String user, Role role, String organisation, SupportLevel level) {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean isAnyOf(Role... candidates) {
        for (Role candidate : candidates) {
            if (role == candidate) {
                return true;
            }
        }
        return false;
    }
}
