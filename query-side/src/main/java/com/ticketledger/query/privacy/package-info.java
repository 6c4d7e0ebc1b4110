/**
 * The privacy officer's access to everything the ledger holds about a data subject (docs/api.md, "Personal data").
 */
package com.ticketledger.query.privacy;
