/**
 * The client register: the {@code Client} aggregate (registration, contract, contacts), and the ledger-backed
 * {@link com.ticketledger.command.ticket.ClientRegister} a ticket consults when it is opened, accepted or reopened.
 */
package com.ticketledger.command.client;
