package com.ticketledger.web.access;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated person of the current request, as controllers see it.
 */
public record DeskPrincipal(String name, Role role, String organisation, SupportLevel level) {

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

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
