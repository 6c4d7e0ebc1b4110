/**
 * The desk's people (a user directory from configuration) and HTTP Basic authentication that stays cheap:
 * each password is checked with bcrypt once, then remembered as a keyed digest for a short while; and the web
 * pages' log-in, a session in PostgreSQL that both sides recognise ({@link com.ticketledger.web.access.PageSessions}).
 */
package com.ticketledger.web.access;
