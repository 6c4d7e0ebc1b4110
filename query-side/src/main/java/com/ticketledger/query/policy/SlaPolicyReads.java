package com.ticketledger.query.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.SlaPolicyTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the {@code sla-policies} projection: what the desk, auditors, analysts and a client's contract read of the
 * policies. The SLA figures never come from here ({@link SlaPolicies} reads the ledger).
 */
@Component
public class SlaPolicyReads {

    private static final String COLUMNS = "name, version, CAST(terms AS TEXT) AS terms, defined_at, defined_by, reason";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SlaPolicyReads(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every policy's version in force, by name. */
    public List<SlaPolicyVersionView> inForce() {
        return jdbc.sql("SELECT DISTINCT ON (name) " + COLUMNS + " FROM sla_policy_version ORDER BY name, version DESC")
                .query((rs, n) -> view(rs)).list();
    }

    /** The version in force of {@code name}: the newest. */
    public Optional<SlaPolicyVersionView> inForce(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_policy_version WHERE name = :name ORDER BY version DESC LIMIT 1")
                .param("name", name).query((rs, n) -> view(rs)).optional();
    }

    /** The policy with every version, oldest first. */
    public Optional<SlaPolicyView> policy(String name) {
        List<SlaPolicyView.Version> versions = jdbc.sql("""
                        SELECT version, defined_at, defined_by, reason FROM sla_policy_version WHERE name = :name
                        ORDER BY version""")
                .param("name", name)
                .query((rs, n) -> new SlaPolicyView.Version(rs.getInt("version"),
                        rs.getTimestamp("defined_at").toInstant(), rs.getString("defined_by"), rs.getString("reason")))
                .list();
        return inForce(name).map(current -> new SlaPolicyView(name, current, versions));
    }

    /** One version of {@code name}. */
    public Optional<SlaPolicyVersionView> version(String name, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_policy_version WHERE name = :name AND version = :version")
                .param("name", name).param("version", version).query((rs, n) -> view(rs)).optional();
    }

    private SlaPolicyVersionView view(ResultSet rs) throws SQLException {
        SlaPolicyTerms terms;
        try {
            terms = json.readValue(rs.getString("terms"), SlaPolicyTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored SLA policy terms cannot be read: " + e.getOriginalMessage(), e);
        }
        return new SlaPolicyVersionView(rs.getString("name"), rs.getInt("version"), terms,
                rs.getTimestamp("defined_at").toInstant(), rs.getString("defined_by"), rs.getString("reason"));
    }
}
