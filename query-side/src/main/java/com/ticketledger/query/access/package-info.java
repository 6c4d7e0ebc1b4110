/** Which roles may call which reads of the query side (docs/api.md's query table), and who is who at the desk. */
package com.ticketledger.query.access;
