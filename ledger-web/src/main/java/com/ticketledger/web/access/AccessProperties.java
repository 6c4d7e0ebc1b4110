package com.ticketledger.web.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code ledger.security.*}: who may log in, and how long a verified password is remembered.
 *
 * @param users            the desk's people; none unless configured (the embedded default imports demo users)
 * @param demoUsers        true when {@code users} are the published demo users; a warning is logged at start
 * @param credentialCacheTtl how long a password verified with bcrypt is accepted again without bcrypt
 */
@ConfigurationProperties("ledger.security")
public record AccessProperties(
        @DefaultValue List<DeskUser> users,
        @DefaultValue("false") boolean demoUsers,
        @DefaultValue("10m") Duration credentialCacheTtl) {
}
