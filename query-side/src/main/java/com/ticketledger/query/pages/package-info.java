/**
 * The web pages for clients, engineers, analysts and auditors: static files served without credentials (every
 * {@code /api} read stays authenticated), where the command side is, and a policy that confines the pages.
 */
package com.ticketledger.query.pages;
