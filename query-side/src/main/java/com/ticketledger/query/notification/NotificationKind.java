package com.ticketledger.query.notification;

/** What a notification tells (docs/domain.md, "Notifications"). */
public enum NotificationKind {
    /** The engineer marked the ticket pending closure: the reporter is asked to accept or reopen. */
    ACCEPTANCE_REQUESTED,
    /** A business day before the ledger accepts the resolution itself. */
    AUTO_ACCEPT_SOON,
    /** Nobody answered within the acceptance period: the ledger accepted the resolution. */
    AUTO_ACCEPTED,
    /** The desk wrote a public note or changed the status the client sees. */
    PUBLIC_UPDATE,
    /** The ticket was assigned to an engineer. */
    ASSIGNED,
    /** The ticket was escalated to the vendor. */
    VENDOR_ESCALATION,
    /** An SLA timer passed its at-risk threshold. */
    SLA_AT_RISK,
    /** An SLA timer passed its deadline. */
    SLA_BREACHED
}
