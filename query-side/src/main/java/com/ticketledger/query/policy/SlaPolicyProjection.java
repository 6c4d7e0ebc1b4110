package com.ticketledger.query.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps {@code sla_policy_version}: one row per version of each policy, for the reads ({@code GET /api/sla-policies},
 * a client's contract targets, the pages). Policies are few and change seldom: a statement per event is enough, and
 * a replayed version is written once. A new version in force is checked for a holiday list that ran out.
 */
@Component
@ProcessingGroup(SlaPolicyProjection.GROUP)
class SlaPolicyProjection {

    static final String GROUP = ProcessingGroups.SLA_POLICIES;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final HolidayWatch holidays;

    SlaPolicyProjection(JdbcClient jdbc, ObjectMapper json, HolidayWatch holidays) {
        this.jdbc = jdbc;
        this.json = json;
        this.holidays = holidays;
    }

    @EventHandler
    void on(SlaPolicyDefined event, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.USER) String user) {
        int written = jdbc.sql("""
                        INSERT INTO sla_policy_version (name, version, terms, defined_at, defined_by, reason)
                        VALUES (:name, :version, CAST(:terms AS JSONB), :at, :by, :reason)
                        ON CONFLICT (name, version) DO NOTHING""")
                .param("name", event.name())
                .param("version", event.version())
                .param("terms", terms(event))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("by", user, java.sql.Types.VARCHAR)
                .param("reason", event.reason(), java.sql.Types.VARCHAR)
                .update();
        if (written > 0) {
            holidays.versionDefined(event.name(), event.version(), event.terms());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM sla_policy_version").update();
    }

    private String terms(SlaPolicyDefined event) {
        try {
            return json.writeValueAsString(event.terms());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the terms of " + event.name() + " v" + event.version()
                    + " cannot be written as JSON", e);
        }
    }
}
