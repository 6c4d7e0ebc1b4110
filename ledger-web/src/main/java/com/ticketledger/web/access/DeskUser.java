package com.ticketledger.web.access;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A person who may log in.
 *
 * @param name         the user name (unique)
 * @param passwordHash the password's hash in Spring Security's {@code {id}hash} form, e.g. {@code {bcrypt}$2a$...};
 *                     never the password itself
 * @param role         what they do at the desk
 * @param organisation a CLIENT's organisation; {@code null} for desk staff
 * @param level        an ENGINEER's support level; {@code null} otherwise
 * @param email        where notifications to this person go (an assignment, an SLA warning); {@code null} when
 *                     none is configured, and then they are told nothing by e-mail
 */
public record DeskUser(String name, String passwordHash, Role role, String organisation, SupportLevel level,
        String email) {

    /** The one constructor a users file binds to. */
    @ConstructorBinding
    public DeskUser {
    }

    /** A user without an e-mail address. */
    public DeskUser(String name, String passwordHash, Role role, String organisation, SupportLevel level) {
        this(name, passwordHash, role, organisation, level, null);
    }
}
