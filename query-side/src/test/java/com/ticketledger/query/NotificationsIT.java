package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications end to end: decided once from the events into the outbox, delivered by e-mail into the local
 * mail server (GreenMail) and to a webhook (a local HTTP receiver that checks the signature), with retries.
 *
 * <p>Its settings make a query side of its own, beside the one the other tests share, on the same database (its
 * own node id, closed after the class); only this one delivers and scans the deadlines.
 */
@TestPropertySource(properties = {"ledger.processing.node-id=notifications-it",
        "ledger.notifications.delivery.enabled=true", "ledger.notifications.delivery.poll-interval=100ms",
        "ledger.notifications.delivery.backoff=200ms", "ledger.notifications.delivery.max-backoff=400ms",
        "ledger.notifications.delivery.max-attempts=50",
        "ledger.notifications.scan.enabled=true", "ledger.notifications.scan.interval=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotificationsIT extends QuerySideIT {

    /**
     * The client of the tests that do not register theirs: unknown to the register, so its messages are in the
     * configured language (en) and go to the reporter, whatever other test classes did to acme's contacts.
     */
    static final String UNREGISTERED = "vandelay";
    static final String UNREGISTERED_REPORTER = "marta@vandelay.example";

    @Autowired
    GreenMail mailServer;

    @BeforeEach
    void notificationsProjectionHasItsTokens() {
        // the projection starts at the ledger's head: the events of a test must come after its first claim
        awaitUntil("the notifications projection claims its segment", Duration.ofSeconds(20),
                () -> jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = 'notifications'")
                        .query(Integer.class).single() >= 1);
    }

    List<MimeMessage> mailTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /**
     * The outbox as of {@code position}. This class's query side takes the notifications' segments over from the
     * suite's shared one when it starts, so its first reads may find the projection not there yet (503): asked
     * again until it is.
     */
    JsonNode notifications(String query, long position) {
        Answer[] answer = new Answer[1];
        awaitUntil("the notifications projection reaches " + position, Duration.ofSeconds(30), () -> {
            answer[0] = getAt("operator", "/api/notifications?" + query, position);
            return answer[0].status() != 503;
        });
        assertThat(answer[0].status()).as(answer[0].response().body()).isEqualTo(200);
        return answer[0].json();
    }

    JsonNode awaitStatus(UUID ticketId, String kind, String channel, String status) {
        JsonNode[] found = new JsonNode[1];
        awaitUntil(kind + " by " + channel + " " + status, Duration.ofSeconds(20), () -> {
            for (JsonNode n : get("operator", "/api/notifications?ticketId=" + ticketId + "&kind=" + kind).json()) {
                if (n.get("channel").asText().equals(channel) && n.get("status").asText().equals(status)) {
                    found[0] = n;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void theReporterIsAskedByMailToAcceptTheResolutionInTheirLanguageOnce() throws Exception {
        TicketOpened ticket = Tickets.opened(UNREGISTERED);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        append(ticket, ACME_CLIENT, now);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now);
        long position = append(new TicketPendingClosure(ticket.ticketId(), "Restarted the VPN gateway",
                now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(2))), ANA, now);

        JsonNode outbox = notifications("ticketId=" + ticket.ticketId() + "&kind=ACCEPTANCE_REQUESTED", position);
        assertThat(outbox).hasSize(2);
        JsonNode mail = awaitStatus(ticket.ticketId(), "ACCEPTANCE_REQUESTED", "EMAIL", "SENT");
        assertThat(mail.get("recipient").asText()).isEqualTo(UNREGISTERED_REPORTER);
        assertThat(mail.get("language").asText()).isEqualTo("en");
        assertThat(mail.get("attempts").asInt()).isEqualTo(1);
        assertThat(mail.get("sentAt").isNull()).isFalse();

        List<MimeMessage> received = mailTo(UNREGISTERED_REPORTER).stream()
                .filter(m -> subject(m).startsWith("[" + ticket.number() + "] Please accept")).toList();
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).isEqualTo("[" + ticket.number() + "] Please accept the resolution: VPN down");
        assertThat(message.getHeader("Content-Language", null)).isEqualTo("en");
        String text = plainText(message);
        assertThat(text).contains("Your ticket " + ticket.number() + " has been resolved")
                .contains("pending your acceptance").contains("/client.html?ticket=" + ticket.number())
                .contains("will be accepted on");

        // the engineer was told of the assignment, in the same way
        JsonNode assigned = awaitStatus(ticket.ticketId(), "ASSIGNED", "EMAIL", "SENT");
        assertThat(assigned.get("recipient").asText()).isEqualTo("ana@desk.example");

        // the webhook wanted ACCEPTANCE_REQUESTED, signed; not ASSIGNED
        awaitStatus(ticket.ticketId(), "ACCEPTANCE_REQUESTED", "WEBHOOK", "SENT");
        assertThat(WebhookReceiver.RECEIVED).filteredOn(r -> r.body().contains(ticket.ticketId().toString()))
                .singleElement().satisfies(r -> {
                    assertThat(r.signed()).isTrue();
                    JsonNode body = JSON.readTree(r.body());
                    assertThat(body.get("kind").asText()).isEqualTo("ACCEPTANCE_REQUESTED");
                    assertThat(body.get("ticket").get("number").asText()).isEqualTo(ticket.number());
                    assertThat(body.get("ticket").get("status").asText()).isEqualTo("PENDING_CLOSURE");
                });
        assertThat(get("operator", "/api/notifications?ticketId=" + ticket.ticketId() + "&kind=ASSIGNED").json())
                .hasSize(1);
    }

    @Test
    void aClientsOwnNoteTellsNobodyAndTheDesksPublicNoteTellsTheReporter() {
        TicketOpened ticket = Tickets.opened(UNREGISTERED);
        Instant now = Instant.now();
        append(ticket, ACME_CLIENT, now);
        append(new NoteAdded(ticket.ticketId(), "any news?", Visibility.PUBLIC), ACME_CLIENT, now);
        append(new NoteAdded(ticket.ticketId(), "internal guess", Visibility.INTERNAL), ANA, now);
        long position = append(new NoteAdded(ticket.ticketId(), "we are on it", Visibility.PUBLIC), ANA, now);

        JsonNode outbox = notifications("ticketId=" + ticket.ticketId(), position);
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).get("kind").asText()).isEqualTo("PUBLIC_UPDATE");
        assertThat(outbox.get(0).get("recipient").asText()).isEqualTo(UNREGISTERED_REPORTER);
    }

    @Test
    void anEscalationToTheVendorTellsTheAreaManagerAndAnAutomaticAcceptanceTellsTheReporter() {
        TicketOpened ticket = Tickets.opened(UNREGISTERED);
        Instant now = Instant.now();
        append(ticket, ACME_CLIENT, now);
        append(new TicketAssigned(ticket.ticketId(), "carla", null, SupportLevel.L3), OPERATOR, now);
        append(new TicketEscalated(ticket.ticketId(), ticket.number(), UNREGISTERED, ticket.title(), ticket.priority(),
                SupportLevel.L3, SupportLevel.VENDOR, "firmware bug", "VND-77", "carla"), new By("carla",
                Role.ENGINEER, null), now);
        append(new TicketPendingClosure(ticket.ticketId(), "vendor patched it", now, now), ANA, now);
        long position = append(new ClosureAccepted(ticket.ticketId(), null, true), new By("system", Role.OPERATOR,
                null), now);

        JsonNode vendor = notifications("ticketId=" + ticket.ticketId() + "&kind=VENDOR_ESCALATION", position);
        assertThat(vendor).extracting(n -> n.get("recipient").asText())
                .containsExactlyInAnyOrder("area.manager@desk.example", WebhookReceiver.url());
        JsonNode accepted = notifications("ticketId=" + ticket.ticketId() + "&kind=AUTO_ACCEPTED", position);
        assertThat(accepted).singleElement().satisfies(n ->
                assertThat(n.get("recipient").asText()).isEqualTo(UNREGISTERED_REPORTER));
    }

    @Test
    void aWebhookThatIsDownIsTriedAgainWithItsErrorShownUntilItIsBack() {
        TicketOpened ticket = Tickets.opened(UNREGISTERED);
        WebhookReceiver.refuse(ticket.ticketId().toString(), 2);
        Instant now = Instant.now();
        append(ticket, ACME_CLIENT, now);
        long position = append(new TicketPendingClosure(ticket.ticketId(), "done", null, null), ANA, now);

        awaitUntil("a failed attempt shows", Duration.ofSeconds(20), () -> {
            JsonNode n = webhookOf(ticket.ticketId(), position);
            return n != null && n.get("attempts").asInt() >= 1 && n.get("lastError").asText().contains("503");
        });
        JsonNode sent = awaitStatus(ticket.ticketId(), "ACCEPTANCE_REQUESTED", "WEBHOOK", "SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(3);
        assertThat(sent.get("lastError").asText()).contains("HTTP 503");
        assertThat(WebhookReceiver.RECEIVED).filteredOn(r -> r.body().contains(ticket.ticketId().toString())).hasSize(1);
    }

    @Test
    void anUnreachableMailServerCostsAttemptsNotTheProjectionAndDeliveryResumesWhenItIsBack() {
        TicketOpened ticket = Tickets.opened(UNREGISTERED);
        Instant now = Instant.now();
        append(ticket, ACME_CLIENT, now);
        mailServer.stop();
        try {
            long position = append(new NoteAdded(ticket.ticketId(), "on it", Visibility.PUBLIC), ANA, now);
            // the projection went on: the status view has the note's version (the instance of the other test classes
            // may hold its segments, and on a busy machine take longer than a read's 2 s wait here)
            awaitUntil("the status view has the note", Duration.ofSeconds(20),
                    () -> getAt("operator", "/api/tickets/" + ticket.ticketId(), position).status() == 200);
            awaitUntil("a failed attempt shows", Duration.ofSeconds(20), () -> {
                JsonNode n = notifications("ticketId=" + ticket.ticketId() + "&kind=PUBLIC_UPDATE", position).get(0);
                return n.get("attempts").asInt() >= 1 && !n.get("lastError").isNull()
                        && n.get("status").asText().equals("PENDING");
            });
        } finally {
            mailServer.start();
        }
        JsonNode sent = awaitStatus(ticket.ticketId(), "PUBLIC_UPDATE", "EMAIL", "SENT");
        assertThat(sent.get("attempts").asInt()).isGreaterThan(1);
        assertThat(mailTo(UNREGISTERED_REPORTER)).filteredOn(m -> subject(m).contains(ticket.number())).hasSize(1);
    }

    @Test
    void anUnassignedTicketsResponseAtRiskWarnsTheLevelsTeamLeadWithoutAnyEvent() throws Exception {
        // CRITICAL: a response within 2 hours, around the clock; 80 % of it passed 4 minutes ago
        TicketOpened ticket = Tickets.opened(UNREGISTERED, TicketType.INCIDENT, Priority.CRITICAL);
        append(ticket, ACME_CLIENT, Instant.now().minus(Duration.ofMinutes(100)));

        JsonNode warning = awaitStatus(ticket.ticketId(), "SLA_AT_RISK", "EMAIL", "SENT");
        assertThat(warning.get("recipient").asText()).isEqualTo("lead.l1@desk.example");
        String responseAtRisk = "[" + ticket.number() + "] SLA at risk (response): VPN down";
        awaitUntil("the response warning is sent", Duration.ofSeconds(30), () -> mailTo("lead.l1@desk.example")
                .stream().anyMatch(m -> subject(m).equals(responseAtRisk)));
        MimeMessage mail = mailTo("lead.l1@desk.example").stream()
                .filter(m -> subject(m).equals(responseAtRisk)).findFirst().orElseThrow();
        assertThat(plainText(mail)).contains("The response target of ticket " + ticket.number() + " is at risk")
                .contains("/engineer.html?ticket=" + ticket.number());
        // scanned again and again, the same deadline warns once: the response at risk, not breached yet; and the
        // update target (1 hour around the clock, nobody told the client anything) at risk and then breached
        Thread.sleep(600);
        assertThat(get("operator", "/api/notifications?ticketId=" + ticket.ticketId()).json())
                .extracting(n -> n.get("kind").asText())
                .containsExactlyInAnyOrder("SLA_AT_RISK", "SLA_AT_RISK", "SLA_BREACHED");
    }

    @Test
    void anAssignedTicketsResolutionAtRiskWarnsItsEngineer() {
        // CRITICAL: resolved within 8 hours, around the clock; answered at once, 7 hours ago
        TicketOpened ticket = Tickets.opened(UNREGISTERED, TicketType.INCIDENT, Priority.CRITICAL);
        Instant opened = Instant.now().minus(Duration.ofHours(7));
        append(ticket, ACME_CLIENT, opened);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, opened);

        // The update target (1 hour) is at risk and breached too, and a scan between the two appends may warn the
        // team lead of the unassigned ticket first: the resolution's warning is the one to her.
        String resolutionAtRisk = "[" + ticket.number() + "] SLA at risk (resolution): VPN down";
        awaitUntil("the resolution warning is sent", Duration.ofSeconds(30), () -> mailTo("ana@desk.example")
                .stream().anyMatch(m -> subject(m).equals(resolutionAtRisk)));
        // the outbox records a claimed batch's e-mails as sent once the whole batch has gone
        awaitUntil("the outbox records the warning to her sent", Duration.ofSeconds(20), () -> {
            for (JsonNode n : get("operator", "/api/notifications?ticketId=" + ticket.ticketId() + "&kind=SLA_AT_RISK")
                    .json()) {
                if (n.get("recipient").asText().equals("ana@desk.example") && n.get("status").asText().equals("SENT")) {
                    return true;
                }
            }
            return false;
        });
        assertThat(get("operator", "/api/notifications?ticketId=" + ticket.ticketId() + "&kind=SLA_AT_RISK").json())
                .anySatisfy(n -> {
                    assertThat(n.get("recipient").asText()).isEqualTo("ana@desk.example");
                    assertThat(n.get("status").asText()).isEqualTo("SENT");
                });
        assertThat(mailTo("ana@desk.example")).filteredOn(m -> subject(m).equals(resolutionAtRisk)).hasSize(1);
    }

    @Test
    void aReporterWhoHasNotAnsweredIsRemindedBeforeTheAutomaticAcceptance() throws Exception {
        TicketOpened ticket = Tickets.opened(UNREGISTERED);
        Instant now = Instant.now();
        append(ticket, ACME_CLIENT, now.minus(Duration.ofDays(3)));
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now.minus(Duration.ofDays(3)));
        append(new TicketPendingClosure(ticket.ticketId(), "replaced the router", now.plus(Duration.ofHours(20)),
                now.minus(Duration.ofMinutes(4))), ANA, now.minus(Duration.ofDays(1)));

        JsonNode reminder = awaitStatus(ticket.ticketId(), "AUTO_ACCEPT_SOON", "EMAIL", "SENT");
        assertThat(reminder.get("recipient").asText()).isEqualTo(UNREGISTERED_REPORTER);
        MimeMessage mail = mailTo(UNREGISTERED_REPORTER).stream()
                .filter(m -> subject(m).startsWith("[" + ticket.number() + "] The resolution will be accepted on"))
                .findFirst().orElseThrow();
        assertThat(plainText(mail)).contains("Unless you accept the resolution or reopen the ticket");
    }

    @Test
    void eachClientIsWrittenToInItsOwnLanguageTheDesksMessagesAboutItsTicketsToo() throws Exception {
        String english = "lang-en-" + UUID.randomUUID().toString().substring(0, 8);
        String spanish = "lang-es-" + UUID.randomUUID().toString().substring(0, 8);
        awaitKnown(english, appendClient(new ClientRegistered(english, "English Ltd", "en", "Europe/London"),
                Instant.now()));
        awaitKnown(spanish, appendClient(new ClientRegistered(spanish, "Castellano S.A.", "es-AR",
                "America/Argentina/Buenos_Aires"), Instant.now()));
        Instant now = Instant.now();
        TicketOpened inEnglish = Tickets.opened(english);
        TicketOpened inSpanish = Tickets.opened(spanish);
        for (TicketOpened ticket : List.of(inEnglish, inSpanish)) {
            append(ticket, new By("reporter", Role.CLIENT, ticket.clientId()), now);
            // the operator's assignment: the engineer is told, and the reporter that the status changed
            append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now);
        }

        JsonNode english1 = awaitStatus(inEnglish.ticketId(), "PUBLIC_UPDATE", "EMAIL", "SENT");
        JsonNode spanish1 = awaitStatus(inSpanish.ticketId(), "PUBLIC_UPDATE", "EMAIL", "SENT");
        assertThat(english1.get("language").asText()).isEqualTo("en");
        assertThat(spanish1.get("language").asText()).isEqualTo("es-AR");
        assertThat(mailTo("marta@" + english + ".example")).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("[" + inEnglish.number() + "] News on your ticket: VPN down");
            assertThat(plainText(mail)).contains("Status: assigned");
        });
        assertThat(mailTo("marta@" + spanish + ".example")).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("[" + inSpanish.number() + "] Novedades en su ticket: VPN down");
            assertThat(mail.getHeader("Content-Language", null)).isEqualTo("es-AR");
            assertThat(plainText(mail)).contains("Estado: asignado");
        });
        // the desk serves the client in the client's language: the engineer's assignment too
        assertThat(awaitStatus(inSpanish.ticketId(), "ASSIGNED", "EMAIL", "SENT").get("language").asText())
                .isEqualTo("es-AR");
        assertThat(awaitStatus(inEnglish.ticketId(), "ASSIGNED", "EMAIL", "SENT").get("language").asText())
                .isEqualTo("en");
    }

    @Test
    void theRepresentativesAreAskedToAcceptAndRemindedAndTheClientsManagersToldOfTheVendorTillTheContactsChange() {
        registeredClient("globex");
        setContacts("globex", List.of("globex-1"), "am.globex@desk.example", List.of("noc@globex.example"));
        try {
            Instant now = Instant.now();
            TicketOpened before = Tickets.opened("globex");
            append(before, new By("globex-1", Role.CLIENT, "globex"), now.minus(Duration.ofDays(3)));
            escalateToTheVendor(before, now.minus(Duration.ofDays(2)));
            // pending closure a day ago: the reminder fell due four minutes ago
            long position = append(new TicketPendingClosure(before.ticketId(), "vendor patched it",
                    now.plus(Duration.ofHours(20)), now.minus(Duration.ofMinutes(4))), ANA,
                    now.minus(Duration.ofDays(1)));

            assertThat(notifications("ticketId=" + before.ticketId() + "&kind=VENDOR_ESCALATION", position))
                    .extracting(n -> n.get("recipient").asText()).containsExactlyInAnyOrder(
                            "am.globex@desk.example", "noc@globex.example", WebhookReceiver.url());
            assertThat(awaitStatus(before.ticketId(), "ACCEPTANCE_REQUESTED", "EMAIL", "SENT")
                    .get("recipient").asText()).isEqualTo("globex-1@globex.example");
            assertThat(awaitStatus(before.ticketId(), "AUTO_ACCEPT_SOON", "EMAIL", "SENT")
                    .get("recipient").asText()).isEqualTo("globex-1@globex.example");
            awaitUntil("the representative's mails arrive", Duration.ofSeconds(30), () -> mailTo(
                    "globex-1@globex.example").stream().filter(m -> subject(m).startsWith("[" + before.number() + "]"))
                    .count() == 2);

            // the client names nobody any more: what comes later goes to the reporter and the desk's area manager
            setContacts("globex", List.of(), null, List.of());
            TicketOpened after = Tickets.opened("globex");
            append(after, new By("globex-1", Role.CLIENT, "globex"), now);
            escalateToTheVendor(after, now);
            long later = append(new TicketPendingClosure(after.ticketId(), "vendor patched it", null, null), ANA, now);

            assertThat(notifications("ticketId=" + after.ticketId() + "&kind=VENDOR_ESCALATION", later))
                    .extracting(n -> n.get("recipient").asText())
                    .containsExactlyInAnyOrder("area.manager@desk.example", WebhookReceiver.url());
            assertThat(awaitStatus(after.ticketId(), "ACCEPTANCE_REQUESTED", "EMAIL", "SENT")
                    .get("recipient").asText()).isEqualTo("marta@globex.example");
            // what was decided before the change stays as it was
            assertThat(get("operator", "/api/notifications?ticketId=" + before.ticketId()).json())
                    .filteredOn(n -> n.get("channel").asText().equals("EMAIL"))
                    .extracting(n -> n.get("kind").asText() + " " + n.get("recipient").asText())
                    .containsExactlyInAnyOrder("VENDOR_ESCALATION am.globex@desk.example",
                            "VENDOR_ESCALATION noc@globex.example", "ASSIGNED carla@desk.example",
                            "PUBLIC_UPDATE marta@globex.example", "ACCEPTANCE_REQUESTED globex-1@globex.example",
                            "AUTO_ACCEPT_SOON globex-1@globex.example");
        } finally {
            setContacts("globex", List.of(), null, List.of());
        }
    }

    /** Sets the client's contacts and waits until the notifications projection has taken them in. */
    private void setContacts(String clientId, List<String> representatives, String areaManager,
            List<String> escalation) {
        long position = appendClient(new ContactsSet(clientId, representatives, null, null, areaManager, escalation),
                Instant.now());
        awaitKnown(clientId, position);
    }

    /** Waits until the notifications projection has handled the client's event at {@code position}. */
    private void awaitKnown(String clientId, long position) {
        long sequence = jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE global_index = :p")
                .param("p", position).query(Long.class).single();
        awaitUntil("the notifications know " + clientId + " as of " + position, Duration.ofSeconds(20),
                () -> jdbc.sql("SELECT count(*) FROM notification_client WHERE client_id = :c AND version >= :s")
                        .param("c", clientId).param("s", sequence).query(Integer.class).single() == 1);
    }

    private void escalateToTheVendor(TicketOpened ticket, Instant at) {
        By carla = new By("carla", Role.ENGINEER, null);
        append(new TicketAssigned(ticket.ticketId(), "carla", null, SupportLevel.L3), OPERATOR, at);
        append(new TicketEscalated(ticket.ticketId(), ticket.number(), ticket.clientId(), ticket.title(),
                ticket.priority(), SupportLevel.L3, SupportLevel.VENDOR, "firmware bug", "VND-78", "carla"), carla,
                at);
    }

    @Test
    void readsNeedAnOperatorOrAnAuditorAndRefuseUnknownInput() {
        assertThat(get("operator", "/api/notifications").status()).isEqualTo(200);
        assertThat(get("auditor", "/api/notifications").status()).isEqualTo(200);
        assertThat(get("ana", "/api/notifications").status()).isEqualTo(403);
        assertThat(get("analyst", "/api/notifications").status()).isEqualTo(403);
        assertThat(get("acme-1", "/api/notifications").status()).isEqualTo(403);
        assertThat(get(null, "/api/notifications").status()).isEqualTo(401);

        Answer unknown = get("operator", "/api/notifications?recipient=x");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.response().body()).contains("recipient");
        Answer badKind = get("operator", "/api/notifications?kind=SMOKE_SIGNAL");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.response().body()).contains("kind");
        Answer badStatus = get("operator", "/api/notifications?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.response().body()).contains("status");
        assertThat(get("operator", "/api/notifications?ticketId=not-a-uuid").status()).isEqualTo(400);
        assertThat(get("operator", "/api/notifications?limit=0").status()).isEqualTo(400);
    }

    private JsonNode webhookOf(UUID ticketId, long position) {
        for (JsonNode n : notifications("ticketId=" + ticketId + "&kind=ACCEPTANCE_REQUESTED", position)) {
            if (n.get("channel").asText().equals("WEBHOOK")) {
                return n;
            }
        }
        return null;
    }

    /** The text/plain part of a message (MimeMessageHelper nests it inside the related and alternative parts). */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
