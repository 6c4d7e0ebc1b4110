package com.ticketledger.query.notification;

import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.query.processing.BatchedRows;
import com.ticketledger.query.processing.ColumnArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the notifications projection keeps of each client organisation ({@code notification_client}), and its SQL:
 * fed by the client events in the projection's own processing group, so that a rebuild of it decides and addresses
 * as the first run did, whatever state the clients projection is in. Read and written in bulk per processor
 * batch ({@link BatchedRows}).
 */
@Component
class NotificationClients {

    /**
     * A client as the notifications need it.
     *
     * @param language         the language its tickets' messages are written in ({@code es-AR} or {@code en})
     * @param representatives  user names of the organisation who may accept; empty: any of its users may
     * @param areaManagerEmail the desk's area manager for this client, or {@code null}
     * @param escalationEmails further addresses told of an escalation to the vendor
     */
    record Client(String clientId, String language, List<String> representatives, String areaManagerEmail,
            List<String> escalationEmails) {

        Client {
            representatives = representatives == null ? List.of() : List.copyOf(representatives);
            escalationEmails = escalationEmails == null ? List.of() : List.copyOf(escalationEmails);
        }
    }

    /** The client's row: what is kept of it, and the sequence of its last event applied. */
    private record Row(Client client, long version) {
    }

    private static final RowMapper<Row> ROW = (rs, row) -> new Row(new Client(rs.getString("client_id"),
            rs.getString("language"), strings(rs, "representatives"), rs.getString("area_manager_email"),
            strings(rs, "escalation_emails")), rs.getLong("version"));

    private final JdbcClient jdbc;
    private final BatchedRows<String, Row> rows;

    NotificationClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // a batch reads the clients its client events name and those its new tickets are of; another ticket's
        // client is read at its first decision
        this.rows = new BatchedRows<>("notification_client",
                payload -> payload instanceof ClientEvent event ? Stream.of(event.clientId())
                        : payload instanceof TicketOpened opened ? Stream.of(opened.clientId()) : Stream.empty(),
                row -> row.client().clientId(), BatchedRows.Table.of(this::load, this::write));
    }

    /** A replayed registration leaves the row as it is. */
    void registered(ClientRegistered event, long sequence) {
        if (rows.find(event.clientId()).isEmpty()) {
            rows.save(new Row(new Client(event.clientId(), event.language(), List.of(), null, List.of()), sequence));
        }
    }

    /** The contacts as they now stand replace those before, unless the row has this event already. */
    void contactsSet(ContactsSet event, long sequence) {
        rows.find(event.clientId()).filter(row -> row.version() < sequence).ifPresent(row -> rows.save(new Row(
                new Client(event.clientId(), row.client().language(), event.representatives(),
                        event.areaManagerEmail(), event.escalationEmails()), sequence)));
    }

    /** The client, or empty when it is unknown here (never registered, or not read yet after an upgrade). */
    Optional<Client> find(String clientId) {
        return rows.find(clientId).map(Row::client);
    }

    private Map<String, Row> load(Collection<String> clientIds) {
        Map<String, Row> found = new HashMap<>();
        jdbc.sql("SELECT * FROM notification_client WHERE client_id = ANY(:ids)")
                .param("ids", clientIds.toArray(String[]::new))
                .query(ROW).list().forEach(row -> found.put(row.client().clientId(), row));
        return found;
    }

    /**
     * One upsert for all of {@code clients}, unless a stored row is at or past a client's version already. The
     * lists travel as array literals, one per client ({@code unnest} flattens an array of arrays).
     */
    private void write(List<Row> clients) {
        jdbc.sql("""
                        INSERT INTO notification_client AS stored (client_id, language, representatives,
                            area_manager_email, escalation_emails, version)
                        SELECT id, language, CAST(representatives AS TEXT[]), area_manager, CAST(escalation AS TEXT[]),
                            version
                        FROM unnest(CAST(:ids AS VARCHAR[]), CAST(:languages AS VARCHAR[]),
                            CAST(:representatives AS TEXT[]), CAST(:areaManagers AS VARCHAR[]),
                            CAST(:escalation AS TEXT[]), CAST(:versions AS BIGINT[]))
                            AS c (id, language, representatives, area_manager, escalation, version)
                        ON CONFLICT (client_id) DO UPDATE
                        SET representatives = EXCLUDED.representatives,
                            area_manager_email = EXCLUDED.area_manager_email,
                            escalation_emails = EXCLUDED.escalation_emails, version = EXCLUDED.version
                        WHERE stored.version < EXCLUDED.version""")
                .param("ids", clients.stream().map(row -> row.client().clientId()).toArray(String[]::new))
                .param("languages", clients.stream().map(row -> row.client().language()).toArray(String[]::new))
                .param("representatives", clients.stream()
                        .map(row -> ColumnArrays.literal(row.client().representatives())).toArray(String[]::new))
                .param("areaManagers", clients.stream().map(row -> row.client().areaManagerEmail())
                        .toArray(String[]::new))
                .param("escalation", clients.stream()
                        .map(row -> ColumnArrays.literal(row.client().escalationEmails())).toArray(String[]::new))
                .param("versions", clients.stream().map(row -> Long.toString(row.version())).toArray(String[]::new))
                .update();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM notification_client").update();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
