/**
 * What an operator watches, shared by both sides: the management server's own requests (metrics, Prometheus,
 * full health on a port of their own), the plain health answer kept on the main port, and the correlation id
 * of each request in the logging context.
 */
package com.ticketledger.web.monitoring;
