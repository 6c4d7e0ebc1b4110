/** Queues per support level and per engineer, in DOMAIN.md's order, read from the status projection. */
package com.ticketledger.query.queue;
