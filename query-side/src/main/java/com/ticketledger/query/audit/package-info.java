/**
 * What auditors read straight from the ledger, not from a projection: a ticket's raw events with their hash
 * chain, the chain recomputed, and the ticket's status view as it was at any instant.
 */
package com.ticketledger.query.audit;
