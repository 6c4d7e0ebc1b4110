/**
 * What every read of the query side shares, whichever read model it answers from: paging with opaque cursors
 * ({@link com.ticketledger.query.read.Cursor}, {@link com.ticketledger.query.read.Page}), who is reading and which
 * organisation's tickets they may see ({@link com.ticketledger.query.read.Viewer}), and the 404 of a ticket that does
 * not exist or is not theirs ({@link com.ticketledger.query.read.TicketNotFound}). It depends on no read model.
 */
package com.ticketledger.query.read;
