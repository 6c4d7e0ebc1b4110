package com.ticketledger.query.client;

import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.PersonalData;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.store.privacy.Subjects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;

/**
 * One row per client, keyed by its id; each change is applied only over an older version of the row, so a
 * replayed event changes nothing twice. Clients are few and change seldom: a statement per event is enough.
 */
@Component
@ProcessingGroup(ClientProjection.GROUP)
class ClientProjection {

    static final String GROUP = ProcessingGroups.CLIENTS;

    private final JdbcClient jdbc;
    private final Subjects subjects;

    ClientProjection(JdbcClient jdbc, Subjects subjects) {
        this.jdbc = jdbc;
        this.subjects = subjects;
    }

    /**
     * A focal point's personal data was erased: their name and e-mail read {@value PersonalData#ERASED} wherever
     * a client names them (a rebuild reads them so from the ledger already). Clients are few: each focal point's
     * address is matched against the erased subject's reference.
     */
    @EventHandler
    void on(PersonalDataErased erased) {
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

    @EventHandler
    void on(ClientRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO client_view (client_id, name, language, time_zone, version, registered_at, updated_at)
                        VALUES (:clientId, :name, :language, :zone, :version, :at, :at)
                        ON CONFLICT (client_id) DO NOTHING""")
                .param("clientId", event.clientId())
                .param("name", event.name())
                .param("language", event.language())
                .param("zone", event.timeZone())
                .param("version", sequence)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(ContractSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE client_view SET contract_from = :from, contract_to = :to, sla_policy = :policy,
                            on_site_support = :onSite, suspended = :suspended, suspension_reason = :reason,
                            version = :version, updated_at = :at
                        WHERE client_id = :clientId AND version < :version""")
                .param("clientId", event.clientId())
                .param("from", Date.valueOf(event.from()))
                .param("to", Date.valueOf(event.to()))
                .param("policy", event.slaPolicy())
                .param("onSite", event.onSiteSupport())
                .param("suspended", event.suspended())
                .param("reason", event.suspensionReason(), java.sql.Types.VARCHAR)
                .param("version", sequence)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(ContactsSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE client_view SET representatives = CAST(:representatives AS TEXT[]),
                            focal_point_name = :focalPointName, focal_point_email = :focalPointEmail,
                            area_manager_email = :areaManagerEmail, escalation_emails = CAST(:escalation AS TEXT[]),
                            version = :version, updated_at = :at
                        WHERE client_id = :clientId AND version < :version""")
                .param("clientId", event.clientId())
                .param("representatives", array(event.representatives()))
                .param("focalPointName", event.focalPointName(), java.sql.Types.VARCHAR)
                .param("focalPointEmail", event.focalPointEmail(), java.sql.Types.VARCHAR)
                .param("areaManagerEmail", event.areaManagerEmail(), java.sql.Types.VARCHAR)
                .param("escalation", array(event.escalationEmails()))
                .param("version", sequence)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM client_view").update();
    }

    /** A PostgreSQL array literal of {@code values}, each quoted (user names and e-mail addresses have no quotes). */
    static String array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values == null ? List.<String>of() : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
