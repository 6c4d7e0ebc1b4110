/**
 * SLA policies as data: the {@code SlaPolicyDefinition} aggregate (one stream per policy, one event per version),
 * the versions a contract may name and a ticket is stamped with ({@link com.ticketledger.command.policy.LedgerSlaPolicies}),
 * and the seeding of version 1 of {@code standard} from the configuration at first start.
 */
package com.ticketledger.command.policy;
