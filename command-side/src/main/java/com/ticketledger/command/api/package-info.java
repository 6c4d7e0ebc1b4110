/** The REST contract's commands (docs/api.md): request records in, command answers and problems out. */
package com.ticketledger.command.api;
