package com.ticketledger.web.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code ledger.security.*}: who may log in, how long a verified password is remembered, and how many
 * failed log-ins are tolerated.
 *
 * @param users            the desk's people; none unless configured (the embedded default imports demo users)
 * @param demoUsers        true when {@code users} are the published demo users; a warning is logged at start
 * @param credentialCacheTtl how long a password verified with bcrypt is accepted again without bcrypt
 * @param loginLimits      how many failed log-ins are tolerated before attempts are answered 429
 */
@ConfigurationProperties("ledger.security")
public record AccessProperties(
        @DefaultValue List<DeskUser> users,
        @DefaultValue("false") boolean demoUsers,
        @DefaultValue("10m") Duration credentialCacheTtl,
        @DefaultValue LoginLimits loginLimits) {
}
