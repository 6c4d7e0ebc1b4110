package com.ticketledger.command.ticket;

/**
 * Whether a data subject's personal data has been erased, asked when a note is to be recorded as a reporter's
 * personal data. The ticket cannot know it from its own stream (the erasure is recorded in the subject's), and a
 * ticket kept between commands was read before any erasure since: so the ledger is asked at the moment of deciding.
 */
@FunctionalInterface
public interface ErasedReporters {

    /** @param subject the normalised subject (an e-mail in lower case, or a phone's digits) */
    boolean isErased(String subject);
}
