/**
 * Reports for analysts (processing group "reports"): SLA compliance and times to respond and resolve over a
 * period, and the backlog of open tickets; JSON, or CSV with {@code Accept: text/csv}.
 */
package com.ticketledger.query.report;
