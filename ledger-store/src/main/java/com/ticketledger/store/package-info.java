/**
 * The PostgreSQL event store both sides use: Axon's JDBC schema with snake_case names, the duplicate-key rule
 * that turns a concurrent append into a conflict, and the per-ticket hash chain.
 */
package com.ticketledger.store;
