/**
 * The SLA clock of docs/domain.md: business-hours and 24x7 calendars, targets per priority, the at-risk (80 %) and
 * due (100 %) instants the status projection stores, the state of a target at the time of reading, and the
 * list of tickets at risk or in breach. Pure arithmetic: time is always passed in, never read here.
 */
package com.ticketledger.sla;
