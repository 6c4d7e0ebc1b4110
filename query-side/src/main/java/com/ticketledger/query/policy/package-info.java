/**
 * SLA policies as the ledger keeps them: {@link com.ticketledger.query.policy.SlaPolicies}, which every SLA figure
 * of the query side asks for a ticket's policy version (read from the policy's own stream in the event store, never
 * from a projection, and kept once built), the {@code sla-policies} projection and its reads, and the check that a
 * policy's holidays have not run out.
 */
package com.ticketledger.query.policy;
