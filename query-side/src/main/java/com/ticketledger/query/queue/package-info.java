/** Queues per support level and per engineer, in docs/domain.md's order, read from the status projection. */
package com.ticketledger.query.queue;
