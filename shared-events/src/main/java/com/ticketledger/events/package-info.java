/**
 * The ledger's vocabulary: every event a ticket's stream may hold, and the value types those events carry.
 * Both sides read these; nothing here depends on Spring, Axon or any code of ours.
 */
package com.ticketledger.events;
