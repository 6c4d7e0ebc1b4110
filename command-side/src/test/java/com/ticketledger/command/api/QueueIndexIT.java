package com.ticketledger.command.api;

import com.ticketledger.command.queue.QueueIndexCatchUp;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.AssignTicket;
import com.ticketledger.events.Channel;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's queue index is written in the transaction that appends the event (a subscriber of the event
 * bus, in the command's unit of work), so it never disagrees with the ledger; and it is filled from the ledger at start-up
 * for the events it never saw.
 */
class QueueIndexIT extends CommandSideIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    QueueIndexCatchUp catchUp;

    Map<String, Object> row(UUID ticket) {
        return jdbc.sql("SELECT level, status, assignee, sequence FROM queue_index WHERE ticket_id = :t")
                .param("t", ticket).query().singleRow();
    }

    List<Map<String, Object>> wholeIndex() {
        return jdbc.sql("SELECT * FROM queue_index ORDER BY ticket_id").query().listOfRows();
    }

    @Test
    void theIndexChangesWithTheEventInItsTransaction() {
        UUID ticket = openTicket("operator", "acme");
        assertThat(row(ticket)).containsEntry("status", "OPEN").containsEntry("level", "L1").containsEntry("sequence", 0L);

        post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}");

        assertThat(row(ticket)).containsEntry("status", "ASSIGNED").containsEntry("assignee", "ana")
                .containsEntry("sequence", 1L);
    }

    @Test
    void aRefusedCommandLeavesTheIndexUnchanged() {
        UUID ticket = openTicket("operator", "acme");
        Map<String, Object> before = row(ticket);

        assertThat(post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"bruno\"}").status())
                .isEqualTo(409);

        assertThat(row(ticket)).isEqualTo(before);
    }

    /**
     * The command gateway joins the surrounding Spring transaction (Axon commits only a transaction it started),
     * and the index handler runs in it: inside, the index already shows the assignment; rolled back, neither the
     * event nor the index row's change is left.
     */
    @Test
    void aRolledBackCommandLeavesNeitherItsEventNorTheIndexChanged() {
        UUID ticket = openTicket("operator", "acme");
        Map<String, Object> before = row(ticket);

        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            commands.sendAndWait(new AssignTicket(ticket, "ana", SupportLevel.L1,
                    new Actor("operator", Role.OPERATOR, null, null), null));
            assertThat(row(ticket)).as("inside the transaction").containsEntry("status", "ASSIGNED");
            transaction.setRollbackOnly();
        });

        assertThat(row(ticket)).isEqualTo(before);
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened");
    }

    /** The index's errors propagate: an index that cannot be written fails the command, and nothing is appended. */
    @Test
    void aCommandWhoseIndexCannotBeWrittenIsNotRecorded() {
        UUID ticket = openTicket("operator", "acme");
        jdbc.sql("ALTER TABLE queue_index ADD CONSTRAINT queue_index_refuses_one CHECK (ticket_id <> '" + ticket
                + "' OR status = 'OPEN') NOT VALID").update();
        try {
            Answer failed = post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}");

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.contentType()).startsWith("application/problem+json");
        } finally {
            jdbc.sql("ALTER TABLE queue_index DROP CONSTRAINT queue_index_refuses_one").update();
        }
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened");
        assertThat(row(ticket)).containsEntry("status", "OPEN");
    }

    /** An existing deployment: the ledger has events, the index is new and empty. Filled, it is what the events built. */
    @Test
    void anEmptyIndexIsFilledFromTheLedger() {
        UUID ticket = assignedTicket();
        post("ana", "/api/tickets/" + ticket + "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"routing\"}");
        List<Map<String, Object>> built = wholeIndex();

        jdbc.sql("DELETE FROM queue_index").update();
        long read = catchUp.catchUp();

        assertThat(read).isEqualTo(eventCount());
        assertThat(wholeIndex()).isEqualTo(built);
        assertThat(row(ticket)).containsEntry("level", "L2").containsEntry("status", "OPEN");
    }

    /** Events appended by a command side that did not keep the index are applied by the next start's catch-up. */
    @Test
    void eventsAppendedWithoutTheIndexAreCaughtUp() {
        UUID ticket = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> storage.appendEvents(
                List.of(new GenericDomainEventMessage<>("Ticket", ticket.toString(), 0, new TicketOpened(ticket,
                        "TCK-LEGACY-" + ticket.toString().substring(0, 8), "acme",
                        new Reporter("Marta", "marta@acme.example", null), null, "appended by an older version",
                        "d", null, null, TicketType.INCIDENT, Priority.LOW, Channel.EMAIL),
                        MetaData.with("user", "operator").and("role", "OPERATOR")))));
        assertThat(jdbc.sql("SELECT count(*) FROM queue_index WHERE ticket_id = :t").param("t", ticket)
                .query(Long.class).single()).isZero();

        assertThat(catchUp.catchUp()).as("the events after the newest one the index applied").isPositive();

        assertThat(row(ticket)).containsEntry("level", "L1").containsEntry("status", "OPEN")
                .containsEntry("sequence", 0L);
        assertThat(catchUp.catchUp()).as("nothing left to catch up").isZero();
    }
}
