package com.ticketledger.query.notification;

import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the notifications projection keeps of each client organisation ({@code notification_client}), and its SQL:
 * fed by the client events in the projection's own processing group, so that a rebuild of it decides and addresses
 * as the first run did, whatever state the clients projection is in.
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

    private static final RowMapper<Client> CLIENT = (rs, row) -> new Client(rs.getString("client_id"),
            rs.getString("language"), strings(rs, "representatives"), rs.getString("area_manager_email"),
            strings(rs, "escalation_emails"));

    private final JdbcClient jdbc;

    NotificationClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replayed registration leaves the row as it is. */
    void registered(ClientRegistered event, long sequence) {
        jdbc.sql("""
                        INSERT INTO notification_client (client_id, language, version)
                        VALUES (:clientId, :language, :version)
                        ON CONFLICT (client_id) DO NOTHING""")
                .param("clientId", event.clientId()).param("language", event.language())
                .param("version", sequence).update();
    }

    /** The contacts as they now stand replace those before, unless the row has this event already. */
    void contactsSet(ContactsSet event, long sequence) {
        jdbc.sql("""
                        UPDATE notification_client SET representatives = :representatives,
                            area_manager_email = :areaManager, escalation_emails = :escalation, version = :version
                        WHERE client_id = :clientId AND version < :version""")
                .param("clientId", event.clientId())
                .param("representatives", array(event.representatives()))
                .param("areaManager", event.areaManagerEmail(), java.sql.Types.VARCHAR)
                .param("escalation", array(event.escalationEmails()))
                .param("version", sequence).update();
    }

    /** The client, or empty when it is unknown here (never registered, or not read yet after an upgrade). */
    Optional<Client> find(String clientId) {
        return jdbc.sql("SELECT * FROM notification_client WHERE client_id = :id").param("id", clientId)
                .query(CLIENT).optional();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM notification_client").update();
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
