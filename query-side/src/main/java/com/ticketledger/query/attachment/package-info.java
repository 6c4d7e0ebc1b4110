/**
 * Downloads of the tickets' attachments: found through the history (and its visibility rules), the bytes
 * read from the ledger's blob table, always sent as a download of the type the bytes show.
 */
package com.ticketledger.query.attachment;
