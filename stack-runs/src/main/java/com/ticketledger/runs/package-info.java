/**
 * Runs of the whole stack as separate processes, from the built jars: the long fault run (clients under load,
 * kill -9 of each side, PostgreSQL stopped, a crash mid-rebuild, then the ledger checked through its audit
 * API) and the benchmark (throughput, latency, projection lag and rebuild rate beside a raw PostgreSQL
 * baseline). Both print a summary.
 */
package com.ticketledger.runs;
