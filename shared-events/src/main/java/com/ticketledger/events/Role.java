package com.ticketledger.events;

/** What a person does at the desk; decides which commands and reads they may issue. */
public enum Role {
    OPERATOR,
    ENGINEER,
    CLIENT,
    AUDITOR,
    ANALYST
}
