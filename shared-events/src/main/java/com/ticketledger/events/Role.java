package com.ticketledger.events;

/** What a person does at the desk; decides which commands and reads they may issue. */
public enum Role {
    OPERATOR,
    ENGINEER,
    CLIENT,
    AUDITOR,
    ANALYST,
    /** The data-protection officer: erases a data subject's personal data, and reads everything held about them. */
    PRIVACY_OFFICER
}
