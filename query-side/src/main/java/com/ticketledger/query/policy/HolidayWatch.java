package com.ticketledger.query.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.sla.SlaPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Health {@code slaPolicies}: each policy's version in force, and whether its holiday lists have run out
 * ({@link HolidayCheck}). Always UP, since a calendar without holidays still counts time; the same lines are a WARN
 * in the log at start (for the versions the {@code sla-policies} projection holds then, and the configured policy as
 * version 1 of {@code standard} while the ledger lacks it) and when a version arrives.
 */
@Component("slaPoliciesHealthIndicator")
class HolidayWatch implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(HolidayWatch.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final SlaPolicy configured;

    /** Each policy's version in force as far as this instance has seen, with its terms. */
    private final Map<String, InForce> inForce = new ConcurrentHashMap<>();

    private record InForce(int version, SlaPolicyTerms terms) {
    }

    HolidayWatch(JdbcClient jdbc, ObjectMapper json, Clock clock, SlaPolicy configured) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.configured = configured;
    }

    /** At start: the versions in force the projection already holds. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        jdbc.sql("""
                        SELECT DISTINCT ON (name) name, version, CAST(terms AS TEXT) AS terms FROM sla_policy_version
                        ORDER BY name, version DESC""")
                .query((rs, n) -> {
                    versionDefined(rs.getString("name"), rs.getInt("version"), terms(rs.getString("terms")));
                    return null;
                }).list();
        // Until the ledger holds version 1 of standard, older tickets are measured by the configured policy.
        if (!inForce.containsKey(TicketOpened.STANDARD_POLICY)) {
            versionDefined(TicketOpened.STANDARD_POLICY, 1, configured.terms());
        }
    }

    /**
     * A version was defined: if it is newer than what this instance knows of its policy, it is the one in force, and
     * it is checked and warned of (a replay of a version already seen says nothing again).
     */
    synchronized void versionDefined(String name, int version, SlaPolicyTerms terms) {
        InForce previous = inForce.get(name);
        if (previous != null && previous.version() > version) {
            return;
        }
        inForce.put(name, new InForce(version, terms));
        if (previous != null && previous.version() == version) {
            return;
        }
        List<String> runOut = HolidayCheck.runOut(terms, clock.instant());
        if (!runOut.isEmpty()) {
            log.warn("The holidays of SLA policy {} v{} have run out: {}. Its calendars count those days as working"
                    + " days until a new version lists them (PUT /api/sla-policies/{})", name, version,
                    String.join("; ", runOut), name);
        }
    }

    @Override
    public Health health() {
        Map<String, String> details = new TreeMap<>();
        inForce.forEach((name, version) -> {
            List<String> runOut = HolidayCheck.runOut(version.terms(), clock.instant());
            details.put(name, "v" + version.version() + (runOut.isEmpty() ? ": holidays listed"
                    : ": holidays run out: " + String.join("; ", runOut)));
        });
        return Health.up().withDetails(details).build();
    }

    private SlaPolicyTerms terms(String text) {
        try {
            return json.readValue(text, SlaPolicyTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored SLA policy terms cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
