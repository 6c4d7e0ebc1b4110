package com.ticketledger.query.notification;

import java.util.List;

/**
 * An SLA timer of {@code ticket_status} that the deadline scan watches: the columns of its at-risk and due instants
 * and the condition under which it runs (a timer that stopped, a response given, a ticket pending closure, warns of
 * nothing). Each timer is one entry of {@link #ALL}: a new timer of the status view is one more line there.
 *
 * @param name         the timer as the messages name it ({@code timer.<name>} in notifications.properties)
 * @param atRiskColumn the column of the instant the timer passes 80 % of its target
 * @param dueColumn    the column of its deadline
 * @param running      an SQL condition on the row: the timer is running
 */
record SlaTimer(String name, String atRiskColumn, String dueColumn, String running) {

    static final List<SlaTimer> ALL = List.of(
            new SlaTimer("RESPONSE", "response_at_risk_at", "response_due_at",
                    "responded_at IS NULL AND status NOT IN ('CLOSED', 'CANCELLED')"),
            new SlaTimer("RESOLUTION", "resolution_at_risk_at", "resolution_due_at",
                    "status IN ('OPEN', 'ASSIGNED')"),
            // the update (keep-in-loop) clock runs only while the desk owes the client news: OPEN or ASSIGNED
            new SlaTimer("UPDATE", "update_at_risk_at", "update_due_at", "status IN ('OPEN', 'ASSIGNED')"));

    SlaTimer {
        if (!atRiskColumn.matches("[a-z_]+") || !dueColumn.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not column names: " + atRiskColumn + ", " + dueColumn);
        }
    }
}
