/**
 * The command side's own queue index and "take next": the head of a level's queue found in a table the command
 * side keeps itself, in the same transaction as the ledger, never in a projection of the query side.
 */
package com.ticketledger.command.queue;
