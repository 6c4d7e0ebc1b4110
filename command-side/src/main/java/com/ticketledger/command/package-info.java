/** The command side: REST commands → the Ticket aggregate → the PostgreSQL ledger. */
package com.ticketledger.command;
