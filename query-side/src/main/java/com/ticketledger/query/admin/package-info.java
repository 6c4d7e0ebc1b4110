/** Projection administration: how far each projection is, and rebuilding one from the first event. */
package com.ticketledger.query.admin;
