/**
 * The desk's people (a user directory from configuration) and HTTP Basic authentication that stays cheap:
 * each password is checked with bcrypt once, then remembered as a keyed digest for a short while.
 */
package com.ticketledger.web.access;
