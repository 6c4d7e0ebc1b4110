/**
 * The status view of every ticket with its SLA block (processing group "ticket-status"), and the reads that
 * list and filter it. Queues and SLA breach lists read the same table.
 */
package com.ticketledger.query.status;
