/** Which roles may call which reads of the query side (API.md's query table). */
package com.ticketledger.query.access;
