/** A real PostgreSQL, started from zonky's binaries, for the one-command start and for the tests. */
package com.ticketledger.embeddeddb;
