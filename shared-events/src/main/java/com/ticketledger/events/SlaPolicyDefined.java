package com.ticketledger.events;

/**
 * A version of an SLA policy was defined: version 1 when the policy was created, each later one when an OPERATOR
 * changed it. A version never changes once written; a ticket keeps the version in force when it was opened
 * ({@link TicketOpened#slaPolicyVersion()}), so a later change touches only tickets opened after it.
 *
 * @param name    the policy's name, e.g. {@code standard}
 * @param version 1 for the first, one more for each later one
 * @param terms   everything this version promises
 * @param reason  why it was defined or changed, as the operator said, or {@code null}
 */
public record SlaPolicyDefined(String name, int version, SlaPolicyTerms terms, String reason)
        implements SlaPolicyEvent {
}
