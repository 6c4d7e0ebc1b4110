package com.ticketledger.query.client;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.query.policy.SlaPolicyReads;
import com.ticketledger.query.policy.SlaPolicyVersionView;
import com.ticketledger.query.read.Cursor;
import com.ticketledger.query.read.Page;
import com.ticketledger.query.read.Viewer;
import com.ticketledger.sla.SlaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the clients projection. A CLIENT reads its own organisation only; another's is as absent as an unknown
 * one. Other features read a client's language and whom to write to through {@link #find(String)}.
 */
@Component
public class ClientReads {

    private static final String COLUMNS = """
            client_id, name, language, time_zone, contract_from, contract_to, sla_policy, on_site_support, suspended,
            suspension_reason, representatives, focal_point_name, focal_point_email, area_manager_email,
            escalation_emails, version, registered_at, updated_at""";

    private final JdbcClient jdbc;
    private final SlaPolicyReads policies;
    private final SlaProperties configured;
    private final Clock clock;

    ClientReads(JdbcClient jdbc, SlaPolicyReads policies, SlaProperties configured, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.configured = configured;
        this.clock = clock;
    }

    /** The client, whoever asks (for the query side's own features: notifications' language and recipients). */
    public Optional<ClientView> find(String clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM client_view WHERE client_id = :clientId")
                .param("clientId", clientId)
                .query((rs, row) -> view(rs))
                .optional();
    }

    /** The client, if {@code viewer} may see it. */
    public Optional<ClientView> find(String clientId, Viewer viewer) {
        return viewer.sees(clientId) ? find(clientId) : Optional.empty();
    }

    /** Clients by id, keyset-paginated; a CLIENT's own only. */
    public Page<ClientView> list(String cursor, int limit, Viewer viewer) {
        String after = cursor == null ? null : Cursor.decode(cursor, 1).get(0);
        List<ClientView> rows = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS + """
                         FROM client_view
                        WHERE (CAST(:after AS VARCHAR) IS NULL OR client_id > :after)
                          AND (CAST(:organisation AS VARCHAR) IS NULL OR client_id = :organisation)
                        ORDER BY client_id LIMIT :limit""")
                .param("after", after, java.sql.Types.VARCHAR)
                .param("organisation", viewer.organisation(), java.sql.Types.VARCHAR)
                .param("limit", limit + 1)
                .query((rs, row) -> view(rs))
                .list());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = Cursor.encode(rows.get(limit - 1).clientId());
        }
        return new Page<>(rows, next);
    }

    /**
     * The contracts whose last day falls within the next {@code days} days (today included, in each client's
     * time zone), soonest first: the desk renews them or tells the client.
     */
    public List<ClientView> contractsEnding(int days) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM client_view
                        WHERE contract_to IS NOT NULL
                          AND contract_to >= CAST(timezone(time_zone, CAST(:now AS TIMESTAMPTZ)) AS DATE)
                          AND contract_to < CAST(timezone(time_zone, CAST(:now AS TIMESTAMPTZ)) AS DATE) + :days
                        ORDER BY contract_to, client_id""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("days", days)
                .query((rs, row) -> view(rs))
                .list();
    }

    private ClientView view(ResultSet rs) throws SQLException {
        String zone = rs.getString("time_zone");
        ClientView.Contract contract = null;
        if (rs.getDate("contract_from") != null) {
            LocalDate from = rs.getDate("contract_from").toLocalDate();
            LocalDate to = rs.getDate("contract_to").toLocalDate();
            boolean suspended = rs.getBoolean("suspended");
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(zone)));
            boolean inForce = !suspended && !today.isBefore(from) && !today.isAfter(to);
            String policy = rs.getString("sla_policy");
            Optional<SlaPolicyVersionView> version = policy == null ? Optional.empty() : policies.inForce(policy);
            contract = new ClientView.Contract(from, to, policy, rs.getBoolean("on_site_support"),
                    suspended, rs.getString("suspension_reason"), inForce,
                    version.map(SlaPolicyVersionView::version).orElse(null), targets(policy, version));
        }
        return new ClientView(rs.getString("client_id"), rs.getString("name"), rs.getString("language"), zone,
                contract, new ClientView.Contacts(strings(rs.getArray("representatives")),
                        rs.getString("focal_point_name"), rs.getString("focal_point_email"),
                        rs.getString("area_manager_email"), strings(rs.getArray("escalation_emails"))),
                rs.getLong("version"), instant(rs, "registered_at"), instant(rs, "updated_at"));
    }

    /**
     * The targets of the version in force of the policy a contract names (the {@code sla-policies} projection). Until
     * the ledger holds version 1 of {@code standard} (the command side writes it at its first start), that version's
     * targets are the configured ones ({@code ledger.sla}) it is written from; another policy not held yet has none.
     */
    private List<ClientView.Target> targets(String policy, Optional<SlaPolicyVersionView> version) {
        List<ClientView.Target> targets = new ArrayList<>();
        if (version.isPresent()) {
            SlaPolicyTerms terms = version.get().terms();
            for (Priority priority : Priority.values()) {
                SlaPolicyTerms.Targets target = terms.priorities().get(priority);
                if (target != null) {
                    targets.add(new ClientView.Target(priority.name(), target.response(),
                            target.outOfHoursResponse(), target.resolution(), target.update(), target.calendar()));
                }
            }
        } else if (TicketOpened.STANDARD_POLICY.equals(policy) && configured.priorities() != null) {
            for (Priority priority : Priority.values()) {
                SlaProperties.TargetProperties target = configured.priorities().get(priority);
                if (target != null) {
                    targets.add(new ClientView.Target(priority.name(), String.valueOf(target.response()),
                            target.outOfHoursResponse() == null ? null : target.outOfHoursResponse().toString(),
                            String.valueOf(target.resolution()), String.valueOf(target.update()), target.calendar()));
                }
            }
        }
        return targets;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
