/**
 * The timeline of every ticket (processing group "ticket-history"): who did what and when, in the desk's
 * words. Clients read their organisation's tickets' PUBLIC entries only.
 */
package com.ticketledger.query.history;
