/**
 * Read-your-writes: a read that names a ledger position ({@code minPosition} or {@code X-Ledger-Position})
 * waits until its projection has processed it, up to 5 seconds, then answers 503 with Retry-After.
 */
package com.ticketledger.query.consistency;
