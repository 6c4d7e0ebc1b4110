/**
 * What both sides' OpenAPI documents share: HTTP Basic, the problem answers and their examples, which roles the
 * access rules let through, and the document's title, version and server.
 */
package com.ticketledger.web.openapi;
