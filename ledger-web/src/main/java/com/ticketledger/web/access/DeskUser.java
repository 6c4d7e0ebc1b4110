package com.ticketledger.web.access;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;

/**
 * A person who may log in.
 *
 * @param name         the user name (unique)
 * @param passwordHash the password's hash in Spring Security's {@code {id}hash} form, e.g. {@code {bcrypt}$2a$...};
 *                     never the password itself
 * @param role         what they do at the desk
 * @param organisation a CLIENT's organisation; {@code null} for desk staff
 * @param level        an ENGINEER's support level; {@code null} otherwise
 */
public record DeskUser(String name, String passwordHash, Role role, String organisation, SupportLevel level) {
}
