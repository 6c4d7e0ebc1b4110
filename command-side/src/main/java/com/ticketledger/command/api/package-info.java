/** The REST contract's commands (API.md): request records in, command answers and problems out. */
package com.ticketledger.command.api;
