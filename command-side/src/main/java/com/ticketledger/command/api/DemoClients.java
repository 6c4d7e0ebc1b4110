package com.ticketledger.command.api;

import com.ticketledger.command.client.ClientCommand;
import com.ticketledger.command.client.RegisterClient;
import com.ticketledger.command.client.SetContacts;
import com.ticketledger.command.client.SetContract;
import com.ticketledger.command.policy.LedgerSlaPolicies;
import com.ticketledger.command.recording.CommandRecorder;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.ClientRegister;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.events.TicketOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo organisations of the embedded default, registered at the first start so that the demo users, the README
 * walkthrough and the pages can open tickets at once: {@code acme} (policy {@code standard}, representatives
 * {@code acme-1} and {@code acme-2}; {@code acme-3} is a user of acme who is not one) and {@code globex} (policy
 * {@code premium}, defined here with shorter targets on {@code standard}'s calendars; no representatives, so any of its
 * users may accept). A policy or client already there is left as it is, so a restart changes nothing. Runs once the application is ready (Axon's handlers
 * subscribe only as the context finishes starting), before readiness reports that it accepts traffic.
 */
@Component
@Profile("embedded")
class DemoClients {

    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);
    private static final String ZONE = "America/Argentina/Buenos_Aires";
    private static final Actor DESK = new Actor("operator", Role.OPERATOR, null, null);

    private final CommandRecorder recorder;
    private final ClientRegister register;
    private final LedgerSlaPolicies policies;
    private final Clock clock;

    DemoClients(CommandRecorder recorder, ClientRegister register, LedgerSlaPolicies policies, Clock clock) {
        this.recorder = recorder;
        this.register = register;
        this.policies = policies;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerDemoClients() {
        definePremiumIfAbsent();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(ZONE)));
        registerIfAbsent("acme", "Acme Corporation", "es-AR", today.plusYears(3), TicketOpened.STANDARD_POLICY,
                List.of("acme-1", "acme-2"), "Marta Díaz", "marta@acme.example", "area.manager@desk.example");
        // ends within two months, so that the report of contracts ending soon shows one
        registerIfAbsent("globex", "Globex Inc.", "en", today.plusDays(45), PREMIUM, List.of(), null, null,
                "area.manager@desk.example");
    }

    static final String PREMIUM = "premium";

    /**
     * {@code premium}: {@code standard}'s calendars, closure terms and office hours as the ledger has them now, with
     * shorter targets: CRITICAL 1h / 4h / 30m on the 24x7 calendar, HIGH 2h / 6h / 2h, MEDIUM 4h / 2d / 4h,
     * LOW 1d / 5d / 1d on business hours.
     */
    private void definePremiumIfAbsent() {
        if (policies.currentVersion(PREMIUM).isPresent()) {
            return;
        }
        int standardVersion = policies.currentVersion(TicketOpened.STANDARD_POLICY).orElseThrow(() ->
                new IllegalStateException("the standard SLA policy is written before the demo's"));
        SlaPolicyTerms standard = policies.version(TicketOpened.STANDARD_POLICY, standardVersion).terms();
        Map<Priority, SlaPolicyTerms.Targets> targets = new EnumMap<>(Priority.class);
        targets.put(Priority.CRITICAL, premium(standard, Priority.CRITICAL, "1h", "4h", "30m"));
        targets.put(Priority.HIGH, premium(standard, Priority.HIGH, "2h", "6h", "2h"));
        targets.put(Priority.MEDIUM, premium(standard, Priority.MEDIUM, "4h", "2d", "4h"));
        targets.put(Priority.LOW, premium(standard, Priority.LOW, "1d", "5d", "1d"));
        SlaPolicyTerms terms = new SlaPolicyTerms(standard.officeCalendar(), standard.calendars(), targets,
                standard.autoAcceptAfter(), standard.reopenWindow(), standard.atRiskPercent());
        if (StandardPolicySeed.defineIfAbsent(recorder, PREMIUM, terms, "the demo's premium policy")) {
            log.info("Demo SLA policy premium defined");
        }
    }

    private static SlaPolicyTerms.Targets premium(SlaPolicyTerms standard, Priority priority, String response,
            String resolution, String update) {
        return new SlaPolicyTerms.Targets(response, null, resolution, update,
                standard.priorities().get(priority).calendar());
    }

    private void registerIfAbsent(String clientId, String name, String language, LocalDate to, String slaPolicy,
            List<String> representatives, String focalPointName, String focalPointEmail, String areaManagerEmail) {
        if (register.find(clientId).isPresent()) {
            return;
        }
        try {
            send(() -> new RegisterClient(clientId, name, language, ZONE, DESK));
        } catch (CommandRefused registeredMeanwhile) {
            if (registeredMeanwhile.reason() == CommandRefused.Reason.CLIENT_EXISTS) {
                return; // another instance registered it first
            }
            throw registeredMeanwhile;
        }
        LocalDate from = LocalDate.now(clock.withZone(ZoneId.of(ZONE))).minusYears(1);
        send(() -> new SetContract(clientId, from, to, slaPolicy, true, false, null, DESK, null));
        send(() -> new SetContacts(clientId, representatives, focalPointName, focalPointEmail, areaManagerEmail,
                List.of(), DESK, null));
        log.info("Demo client {} registered, contract until {}", clientId, to);
    }

    private void send(Supplier<ClientCommand> command) {
        recorder.recordClientChange(DESK, "demo-clients", null, List.of(), command);
    }
}
