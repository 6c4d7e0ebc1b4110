/**
 * How the sides' answers leave the server: each in as few writes to its connection as it takes.
 */
package com.ticketledger.web.http;
