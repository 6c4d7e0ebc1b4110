package com.ticketledger.query;

import com.ticketledger.embeddeddb.StatementCounts;
import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ShadowRebuilds;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections read and write their rows per batch (processing.BatchedRows, BatchedInserts). What each
 * costs PostgreSQL per event, counted by pg_stat_statements: the statements that touch its tables (the
 * notifications' {@code notification_ticket}, {@code notification_client}, the outbox {@code notification}; the
 * clients' {@code client_view}; {@code ticket_status}, {@code report_ticket}, {@code ticket_search},
 * {@code ticket_history}) over a run of events appended in one transaction, so that the
 * processors meet them in batches as under load. A projection that reads and writes per batch costs a fraction of a
 * statement per event; one that reads and writes per event costs one to three. The figures are printed. And a
 * rebuild, whose batches are larger and write the copies of the tables, gives the rows the live batches gave.
 */
class BatchedProjectionsIT extends QuerySideIT {

    static final int CLIENTS = 4;
    static final int TICKETS = 60;

    @Autowired
    DataSource dataSource;

    @Autowired
    ShadowRebuilds rebuilds;

    /** The run's clients and tickets, and its events (the clients' first), appended by {@link #append}. */
    private record Run(List<String> clients, List<UUID> tickets, List<GenericDomainEventMessage<?>> events,
            int clientEvents) {

        int ticketEvents() {
            return events.size() - clientEvents;
        }
    }

    @Test
    void theNotificationsAndClientsProjectionsWritePerBatchNotPerEvent() throws Exception {
        Run run = run();
        StatementCounts.Cost cost;
        try (Connection connection = dataSource.getConnection()) {
            StatementCounts.reset(connection);
            append(run);
            cost = StatementCounts.since(connection, 1);
        }

        int ticketEvents = run.ticketEvents();
        int clientEvents = run.clientEvents();
        long notifications = statements(cost, "notification_ticket", "notification_client", "notification ");
        long clientView = statements(cost, "client_view");
        double perNotificationsEvent = (double) notifications / (ticketEvents + clientEvents);
        double perClientsEvent = (double) clientView / clientEvents;
        System.out.printf("statements per event: notifications %.3f (%d over %d events), clients %.3f (%d over %d)"
                        + "%n  %s%n", perNotificationsEvent, notifications, ticketEvents + clientEvents,
                perClientsEvent, clientView, clientEvents, cost.byStatement());
        // per event, the projections wrote one to three statements each (a read, an update, an outbox insert)
        assertThat(perNotificationsEvent).isLessThan(0.5);
        assertThat(perClientsEvent).isLessThan(0.9);
    }

    /**
     * The status, reports, search and history projections, counted likewise over the same run: what each costs per
     * ticket event (the search's statements begin with their notes, {@code WITH note AS}, and name the table later).
     */
    @Test
    void theStatusReportsSearchAndHistoryProjectionsWritePerBatchNotPerEvent() throws Exception {
        Run run = run();
        StatementCounts.Cost cost;
        try (Connection connection = dataSource.getConnection()) {
            StatementCounts.reset(connection);
            append(run);
            awaitUntil("the status, reports, search and history projections have every event", Duration.ofSeconds(120),
                    () -> count("ticket_status WHERE version = 4 AND ticket_id = ANY(:ids)", run.tickets()) == TICKETS
                            && count("report_ticket WHERE version = 4 AND ticket_id = ANY(:ids)", run.tickets())
                            == TICKETS
                            && count("ticket_search WHERE version = 2 AND ticket_id = ANY(:ids)", run.tickets())
                            == TICKETS
                            && count("ticket_history WHERE ticket_id = ANY(:ids)", run.tickets())
                            == (long) run.ticketEvents());
            cost = StatementCounts.since(connection, 1);
        }

        double events = run.ticketEvents();
        Map<String, Long> perTable = new java.util.LinkedHashMap<>();
        perTable.put("ticket_status", statements(cost, "ticket_status"));
        perTable.put("report_ticket", statements(cost, "report_ticket"));
        perTable.put("ticket_search", statements(cost, "ticket_search", "WITH note AS"));
        perTable.put("ticket_history", statements(cost, "ticket_history"));
        perTable.forEach((table, calls) -> System.out.printf("statements per ticket event: %s %.3f (%d over %.0f)%n",
                table, calls / events, calls, events));
        System.out.printf("  %s%n", cost.byStatement());
        // per event, a projection that read and wrote per event would cost one statement or more
        perTable.forEach((table, calls) -> assertThat(calls / events).as(table).isLessThan(0.5));
    }

    @Test
    void aRebuildOfTheNotificationsAndClientsGivesTheRowsTheLiveBatchesGave() {
        Run run = run();
        append(run);
        Map<String, List<Map<String, Object>>> live = rows(run);

        for (String group : List.of(ProcessingGroups.NOTIFICATIONS, ProcessingGroups.CLIENTS)) {
            assertThat(rebuilds.start(group)).isEqualTo(ShadowRebuilds.Started.STARTED);
        }
        awaitUntil("both rebuilds end", Duration.ofSeconds(240),
                () -> !rebuilds.isRebuilding(ProcessingGroups.NOTIFICATIONS)
                        && !rebuilds.isRebuilding(ProcessingGroups.CLIENTS));

        assertThat(rows(run)).isEqualTo(live);
    }

    private Map<String, List<Map<String, Object>>> rows(Run run) {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        rows.put("notification_ticket", jdbc.sql("""
                        SELECT * FROM notification_ticket WHERE ticket_id = ANY(:ids) ORDER BY ticket_id""")
                .param("ids", run.tickets().toArray(UUID[]::new)).query().listOfRows());
        for (String table : List.of("notification_client", "client_view")) {
            rows.put(table, jdbc.sql("SELECT * FROM " + table + " WHERE client_id = ANY(:ids) ORDER BY client_id")
                    .param("ids", run.clients().toArray(String[]::new)).query().listOfRows().stream()
                    .map(BatchedProjectionsIT::arraysAsLists).toList());
        }
        return rows;
    }

    /** A row with its SQL arrays read as lists (a JDBC array equals only itself). */
    private static Map<String, Object> arraysAsLists(Map<String, Object> row) {
        Map<String, Object> compared = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> {
            try {
                compared.put(column, value instanceof java.sql.Array array
                        ? List.of((Object[]) array.getArray()) : value);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return compared;
    }

    /** Appends the run's events in one transaction and waits until both projections have all of them. */
    private void append(Run run) {
        transactions.executeWithoutResult(status -> run.events().forEach(eventStore::publish));
        awaitUntil("the notifications and clients projections have every event", Duration.ofSeconds(120),
                () -> count("notification_ticket WHERE version = 4 AND ticket_id = ANY(:ids)", run.tickets())
                        == TICKETS
                        && count("notification_client WHERE version = 2 AND client_id = ANY(:ids)", run.clients())
                        == CLIENTS
                        && count("client_view WHERE version = 2 AND client_id = ANY(:ids)", run.clients())
                        == CLIENTS);
    }

    /** Clients registered, given a contract and contacts; tickets of theirs opened, assigned, noted and closed. */
    private Run run() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> clients = new ArrayList<>();
        for (int n = 0; n < CLIENTS; n++) {
            clients.add("stmt-" + run + "-" + n);
        }
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        Instant at = Instant.now();
        for (String client : clients) {
            String stream = ClientEvent.streamOf(client);
            events.add(clientEvent(stream, 0, new ClientRegistered(client, client + " S.A.", "en", "UTC"), at));
            events.add(clientEvent(stream, 1, new ContractSet(client, LocalDate.now().minusDays(1),
                    LocalDate.now().plusDays(300), "standard", false, false, null), at));
            events.add(clientEvent(stream, 2, new ContactsSet(client, List.of(), null, null, "area@desk.example",
                    List.of()), at));
        }
        int clientEvents = events.size();
        List<UUID> tickets = new ArrayList<>();
        for (int n = 0; n < TICKETS; n++) {
            TicketOpened opened = Tickets.opened(clients.get(n % CLIENTS));
            UUID id = opened.ticketId();
            tickets.add(id);
            events.add(ticketEvent(id, 0, opened, OPERATOR, at));
            events.add(ticketEvent(id, 1, new TicketAssigned(id, "ana", null, SupportLevel.L1), OPERATOR, at));
            events.add(ticketEvent(id, 2, new NoteAdded(id, "looking at it", Visibility.PUBLIC), ANA, at));
            events.add(ticketEvent(id, 3, new TicketPendingClosure(id, "fixed"), ANA, at));
            events.add(ticketEvent(id, 4, new ClosureAccepted(id, null), ACME_CLIENT, at));
        }
        return new Run(clients, tickets, events, clientEvents);
    }

    private long count(String fromWhere, List<?> ids) {
        return jdbc.sql("SELECT count(*) FROM " + fromWhere)
                .param("ids", ids.get(0) instanceof UUID ? ids.toArray(UUID[]::new) : ids.toArray(String[]::new))
                .query(Long.class).single();
    }

    /** The calls of the statements whose text names one of {@code tables}, this test's own left out. */
    private static long statements(StatementCounts.Cost cost, String... tables) {
        long calls = 0;
        for (Map.Entry<String, Long> statement : cost.byStatement().entrySet()) {
            if (statement.getKey().contains("count(*)")) {
                continue; // this test's own look at the tables
            }
            for (String table : tables) {
                if ((statement.getKey() + " ").contains(table)) {
                    calls += statement.getValue();
                    break;
                }
            }
        }
        return calls;
    }

    private static GenericDomainEventMessage<?> ticketEvent(UUID ticketId, long sequence, Object event, By by,
            Instant at) {
        Map<String, Object> metaData = new java.util.HashMap<>();
        metaData.put(MetaDataKeys.USER, by.user());
        metaData.put(MetaDataKeys.ROLE, by.role().name());
        if (by.organisation() != null) {
            metaData.put(MetaDataKeys.ORGANISATION, by.organisation());
        }
        metaData.put(MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        return new GenericDomainEventMessage<>("Ticket", ticketId.toString(), sequence, event, metaData,
                UUID.randomUUID().toString(), at);
    }

    private static GenericDomainEventMessage<?> clientEvent(String stream, long sequence, Object event, Instant at) {
        return new GenericDomainEventMessage<>("Client", stream, sequence, event, Map.of(MetaDataKeys.USER,
                "operator", MetaDataKeys.ROLE, Role.OPERATOR.name(), MetaDataKeys.CORRELATION_ID,
                UUID.randomUUID().toString()), UUID.randomUUID().toString(), at);
    }
}
