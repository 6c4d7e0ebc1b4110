/** The query side: event processors → projections → REST reads and audit. */
package com.ticketledger.query;
