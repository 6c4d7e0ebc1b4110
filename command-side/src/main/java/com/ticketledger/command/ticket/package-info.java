/**
 * The Ticket aggregate: every rule of docs/domain.md that decides whether a command is allowed, and the commands
 * it decides on.
 */
package com.ticketledger.command.ticket;
