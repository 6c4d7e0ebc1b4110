package com.ticketledger.web.access;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serializable;
import java.security.Principal;

/**
 * The authenticated person of the current request, as controllers see it. Serializable: a page's log-in keeps
 * it in the session both sides read from PostgreSQL; a {@link Principal}, so that the session is indexed by the
 * user's name.
 */
public record DeskPrincipal(String name, Role role, String organisation, SupportLevel level)
        implements Principal, Serializable {

    static DeskPrincipal of(DeskUser user) {
        return new DeskPrincipal(user.name(), user.role(), user.organisation(), user.level());
    }

    /** The person the current request authenticated as. */
    public static DeskPrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof DeskPrincipal principal)) {
            throw new IllegalStateException("no desk user is authenticated on this request");
        }
        return principal;
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
