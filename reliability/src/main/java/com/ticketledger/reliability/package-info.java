/**
 * The long fault run: the ledger's three processes started for real, clients driving ticket lifecycles,
 * and faults injected (kill -9 of each side, PostgreSQL stopped for a while, a crash in the middle of a
 * rebuild), then the ledger checked through its own audit API. Prints a pass/fail summary with its counts.
 */
package com.ticketledger.reliability;
