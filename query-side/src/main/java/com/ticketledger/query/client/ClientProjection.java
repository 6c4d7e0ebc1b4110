package com.ticketledger.query.client;

import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.PersonalData;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.query.processing.BatchedRows;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ColumnArrays;
import com.ticketledger.store.privacy.Subjects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.ticketledger.query.processing.ColumnArrays.column;

/**
 * One row per client, keyed by its id; each change is applied only over an older version of the row, so a
 * replayed event changes nothing twice. A processor's batch reads the rows of the clients its events name at once
 * and writes the changed ones in one statement before it commits ({@link BatchedRows}); one row at once outside one.
 */
@Component
@ProcessingGroup(ClientProjection.GROUP)
class ClientProjection {

    static final String GROUP = ProcessingGroups.CLIENTS;

    /** A row of {@code client_view}, as the projection writes it. */
    private record Row(String clientId, String name, String language, String timeZone, LocalDate contractFrom,
            LocalDate contractTo, String slaPolicy, boolean onSiteSupport, boolean suspended,
            String suspensionReason, List<String> representatives, String focalPointName, String focalPointEmail,
            String areaManagerEmail, List<String> escalationEmails, long version, Instant registeredAt,
            Instant updatedAt) {

        Row {
            representatives = representatives == null ? List.of() : List.copyOf(representatives);
            escalationEmails = escalationEmails == null ? List.of() : List.copyOf(escalationEmails);
        }

        static Row registered(ClientRegistered event, long sequence, Instant at) {
            return new Row(event.clientId(), event.name(), event.language(), event.timeZone(), null, null, null,
                    false, false, null, List.of(), null, null, null, List.of(), sequence, at, at);
        }

        Row with(ContractSet event, long sequence, Instant at) {
            return new Row(clientId, name, language, timeZone, event.from(), event.to(), event.slaPolicy(),
                    event.onSiteSupport(), event.suspended(), event.suspensionReason(), representatives,
                    focalPointName, focalPointEmail, areaManagerEmail, escalationEmails, sequence, registeredAt, at);
        }

        Row with(ContactsSet event, long sequence, Instant at) {
            return new Row(clientId, name, language, timeZone, contractFrom, contractTo, slaPolicy, onSiteSupport,
                    suspended, suspensionReason, event.representatives(), event.focalPointName(),
                    event.focalPointEmail(), event.areaManagerEmail(), event.escalationEmails(), sequence,
                    registeredAt, at);
        }
    }

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final BatchedRows<String, Row> rows;

    ClientProjection(JdbcClient jdbc, Subjects subjects) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.rows = new BatchedRows<>("client_view",
                payload -> payload instanceof ClientEvent event ? Stream.of(event.clientId()) : Stream.empty(),
                Row::clientId, BatchedRows.Table.of(this::load, this::write));
    }

    /**
     * A focal point's personal data was erased: their name and e-mail read {@value PersonalData#ERASED} wherever
     * a client names them (a rebuild reads them so from the ledger already). Clients are few: each focal point's
     * address is matched against the erased subject's reference. What the batch changed so far is written first,
     * and read again after.
     */
    @EventHandler
    void on(PersonalDataErased erased) {
        rows.flush();
        for (String address : jdbc.sql("""
                        SELECT DISTINCT focal_point_email FROM client_view
                        WHERE focal_point_email IS NOT NULL AND focal_point_email <> :erased""")
                .param("erased", PersonalData.ERASED).query(String.class).list()) {
            if (erased.subjectRef().equals(subjects.refOfEmail(address))) {
                jdbc.sql("""
                                UPDATE client_view SET focal_point_name = :erased, focal_point_email = :erased
                                WHERE focal_point_email = :address""")
                        .param("erased", PersonalData.ERASED).param("address", address).update();
            }
        }
    }

    /** A replayed registration leaves the row as it is. */
    @EventHandler
    void on(ClientRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (rows.find(event.clientId()).isEmpty()) {
            rows.save(Row.registered(event, sequence, at));
        }
    }

    @EventHandler
    void on(ContractSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.find(event.clientId()).filter(row -> row.version() < sequence)
                .ifPresent(row -> rows.save(row.with(event, sequence, at)));
    }

    @EventHandler
    void on(ContactsSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.find(event.clientId()).filter(row -> row.version() < sequence)
                .ifPresent(row -> rows.save(row.with(event, sequence, at)));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM client_view").update();
    }

    private Map<String, Row> load(Collection<String> clientIds) {
        Map<String, Row> found = new HashMap<>();
        jdbc.sql("SELECT * FROM client_view WHERE client_id = ANY(:ids)")
                .param("ids", clientIds.toArray(String[]::new))
                .query((rs, n) -> new Row(rs.getString("client_id"), rs.getString("name"), rs.getString("language"),
                        rs.getString("time_zone"), date(rs, "contract_from"), date(rs, "contract_to"),
                        rs.getString("sla_policy"), rs.getBoolean("on_site_support"), rs.getBoolean("suspended"),
                        rs.getString("suspension_reason"), strings(rs, "representatives"),
                        rs.getString("focal_point_name"), rs.getString("focal_point_email"),
                        rs.getString("area_manager_email"), strings(rs, "escalation_emails"), rs.getLong("version"),
                        rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list().forEach(row -> found.put(row.clientId(), row));
        return found;
    }

    /**
     * One upsert for all of {@code clients}: a stored row takes the change unless it is at or past the client's
     * version already (a replayed event, or a batch handled again). The lists travel as array literals, one per
     * client ({@code unnest} flattens an array of arrays).
     */
    private void write(List<Row> clients) {
        jdbc.sql("""
                        INSERT INTO client_view AS stored (client_id, name, language, time_zone, contract_from,
                            contract_to, sla_policy, on_site_support, suspended, suspension_reason, representatives,
                            focal_point_name, focal_point_email, area_manager_email, escalation_emails, version,
                            registered_at, updated_at)
                        SELECT client_id, name, language, time_zone, contract_from, contract_to, sla_policy,
                            on_site_support, suspended, suspension_reason, CAST(representatives AS TEXT[]),
                            focal_point_name, focal_point_email, area_manager_email, CAST(escalation_emails AS TEXT[]),
                            version, registered_at, updated_at
                        FROM unnest(CAST(:ids AS VARCHAR[]), CAST(:names AS VARCHAR[]), CAST(:languages AS VARCHAR[]),
                            CAST(:zones AS VARCHAR[]), CAST(:froms AS DATE[]), CAST(:tos AS DATE[]),
                            CAST(:policies AS VARCHAR[]), CAST(:onSites AS BOOLEAN[]), CAST(:suspendeds AS BOOLEAN[]),
                            CAST(:reasons AS TEXT[]), CAST(:representatives AS TEXT[]), CAST(:focalNames AS VARCHAR[]),
                            CAST(:focalEmails AS VARCHAR[]), CAST(:areaManagers AS VARCHAR[]),
                            CAST(:escalation AS TEXT[]), CAST(:versions AS BIGINT[]),
                            CAST(:registeredAts AS TIMESTAMPTZ[]), CAST(:updatedAts AS TIMESTAMPTZ[]))
                            AS c (client_id, name, language, time_zone, contract_from, contract_to, sla_policy,
                                on_site_support, suspended, suspension_reason, representatives, focal_point_name,
                                focal_point_email, area_manager_email, escalation_emails, version, registered_at,
                                updated_at)
                        ON CONFLICT (client_id) DO UPDATE
                        SET contract_from = EXCLUDED.contract_from, contract_to = EXCLUDED.contract_to,
                            sla_policy = EXCLUDED.sla_policy, on_site_support = EXCLUDED.on_site_support,
                            suspended = EXCLUDED.suspended, suspension_reason = EXCLUDED.suspension_reason,
                            representatives = EXCLUDED.representatives, focal_point_name = EXCLUDED.focal_point_name,
                            focal_point_email = EXCLUDED.focal_point_email,
                            area_manager_email = EXCLUDED.area_manager_email,
                            escalation_emails = EXCLUDED.escalation_emails, version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at
                        WHERE stored.version < EXCLUDED.version""")
                .param("ids", column(clients, Row::clientId))
                .param("names", column(clients, Row::name))
                .param("languages", column(clients, Row::language))
                .param("zones", column(clients, Row::timeZone))
                .param("froms", column(clients, row -> text(row.contractFrom())))
                .param("tos", column(clients, row -> text(row.contractTo())))
                .param("policies", column(clients, Row::slaPolicy))
                .param("onSites", column(clients, row -> Boolean.toString(row.onSiteSupport())))
                .param("suspendeds", column(clients, row -> Boolean.toString(row.suspended())))
                .param("reasons", column(clients, Row::suspensionReason))
                .param("representatives", column(clients, row -> ColumnArrays.literal(row.representatives())))
                .param("focalNames", column(clients, Row::focalPointName))
                .param("focalEmails", column(clients, Row::focalPointEmail))
                .param("areaManagers", column(clients, Row::areaManagerEmail))
                .param("escalation", column(clients, row -> ColumnArrays.literal(row.escalationEmails())))
                .param("versions", column(clients, row -> Long.toString(row.version())))
                .param("registeredAts", column(clients, row -> text(row.registeredAt())))
                .param("updatedAts", column(clients, row -> text(row.updatedAt())))
                .update();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
