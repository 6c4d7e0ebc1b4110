package com.ticketledger.web.access;

import com.ticketledger.events.MetaDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The user directory: everyone who may log in, by name. */
public class DeskUsers {

    private static final Logger log = LoggerFactory.getLogger(DeskUsers.class);

    private final Map<String, DeskUser> byName = new LinkedHashMap<>();

    public DeskUsers(AccessProperties properties) {
        for (DeskUser user : properties.users()) {
            if (user.name() == null || user.name().isBlank() || user.role() == null) {
                throw new IllegalArgumentException("every ledger.security.users entry needs a name and a role");
            }
            if (MetaDataKeys.SYSTEM_USER.equalsIgnoreCase(user.name())) {
                // The ledger's own name in the history (an automatic acceptance): a person using it could pass
                // their actions off as the ledger's.
                throw new IllegalArgumentException("user " + user.name() + " is the ledger's own name for what it does"
                        + " by itself; give the person another name");
            }
            if (user.passwordHash() == null || !user.passwordHash().startsWith("{")) {
                throw new IllegalArgumentException("user " + user.name()
                        + " needs a password hash with its algorithm prefix, e.g. {bcrypt}$2a$10$...");
            }
            if (user.passwordHash().startsWith("{noop}")) {
                throw new IllegalArgumentException("user " + user.name() + " has a clear-text password; store a hash");
            }
            if (user.passwordHash().startsWith("{bcrypt}") && DeskPasswords.bcryptCost(user.passwordHash()).isEmpty()) {
                // Such a user could never log in: most likely the example file's placeholder was left in place.
                throw new IllegalArgumentException("user " + user.name()
                        + " has no real bcrypt hash; put the output of ./ledger hash-password there");
            }
            if (byName.putIfAbsent(user.name(), user) != null) {
                throw new IllegalArgumentException("user " + user.name() + " is configured twice");
            }
        }
        if (properties.demoUsers()) {
            log.warn("DEMO USERS ARE ACTIVE ({}): every password equals its user name. "
                    + "Do not expose this ledger; configure ledger.security.users outside the embedded default.",
                    byName.keySet());
        } else if (byName.isEmpty()) {
            log.warn("no users are configured (ledger.security.users): nobody can log in");
        }
    }

    public Optional<DeskUser> find(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    public Collection<DeskUser> all() {
        return byName.values();
    }
}
