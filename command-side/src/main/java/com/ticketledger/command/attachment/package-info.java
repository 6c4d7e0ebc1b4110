/**
 * Files attached to tickets: an upload read and checked (size, emptiness, the type its bytes show, the deny
 * list), its name cleaned, and its bytes stored in the transaction of the event that names them.
 */
package com.ticketledger.command.attachment;
