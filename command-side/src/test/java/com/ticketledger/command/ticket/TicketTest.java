package com.ticketledger.command.ticket;

import com.ticketledger.command.ticket.CommandRefused.Reason;
import com.ticketledger.events.AttachmentAdded;
import com.ticketledger.events.CancellationReason;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.AssignedVia;
import com.ticketledger.events.Channel;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import com.ticketledger.sla.SlaFixtures;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.sla.SlaPolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.ticketledger.events.SupportLevel.L1;
import static com.ticketledger.events.SupportLevel.L2;
import static com.ticketledger.events.SupportLevel.L3;
import static com.ticketledger.events.SupportLevel.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of docs/domain.md, one behaviour per test: given the ticket's events, when a command, then. */
class TicketTest {

    static final UUID ID = UUID.fromString("6f1c1a40-0000-4000-8000-000000000042");
    static final String NUMBER = "TCK-000042";

    static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null, null);
    static final Actor ANA = new Actor("ana", Role.ENGINEER, null, L1);
    static final Actor BRUNO = new Actor("bruno", Role.ENGINEER, null, L2);
    static final Actor CARLA = new Actor("carla", Role.ENGINEER, null, L3);
    static final Actor ACME = new Actor("acme-1", Role.CLIENT, "acme", null);
    static final Actor GLOBEX = new Actor("globex-1", Role.CLIENT, "globex", null);
    static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null, null);
    static final Actor ANALYST = new Actor("analyst", Role.ANALYST, null, null);

    static final Reporter MARTA = new Reporter("Marta Díaz", "marta@acme.example", null);
    static final Instant CLOSED_AT = Instant.parse("2026-11-02T15:00:00Z");

    /** Other tickets the ledger holds: one of the same organisation, one of another. */
    static final UUID ORIGINAL = UUID.fromString("6f1c1a40-0000-4000-8000-000000000007");
    static final UUID GLOBEX_TICKET = UUID.fromString("6f1c1a40-0000-4000-8000-000000000008");
    static final TicketDirectory DIRECTORY = id -> Optional.ofNullable(Map.of(
            ORIGINAL, new TicketDirectory.Entry(ORIGINAL, "TCK-000007", "acme"),
            GLOBEX_TICKET, new TicketDirectory.Entry(GLOBEX_TICKET, "TCK-000008", "globex")).get(id));

    /** When the tickets of these tests are asked for: a Monday morning in Buenos Aires. */
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    static final ClientRegister.Contract IN_FORCE = new ClientRegister.Contract(LocalDate.parse("2026-01-01"),
            LocalDate.parse("2027-12-31"), "standard", 1, false, null);

    /** The client register: acme names two representatives (acme-3 is not one), globex none. */
    static ClientRegister register(ClientRegister.Terms... clients) {
        return clientId -> Arrays.stream(clients).filter(terms -> terms.clientId().equals(clientId)).findFirst();
    }

    static final ClientRegister CLIENTS = register(
            new ClientRegister.Terms("acme", BUENOS_AIRES, IN_FORCE, List.of("acme-1", "acme-2")),
            new ClientRegister.Terms("globex", BUENOS_AIRES, IN_FORCE, List.of()));

    static final Actor ACME_3 = new Actor("acme-3", Role.CLIENT, "acme", null);

    FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        useClients(CLIENTS);
    }

    /** A fresh fixture whose client register is {@code clients} (a fixture's first resource of a type wins). */
    void useClients(ClientRegister clients) {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(POLICIES);
        fixture.registerInjectableResource(DIRECTORY);
        fixture.registerInjectableResource(clients);
        fixture.registerInjectableResource((ErasedReporters) subject -> false);
    }

    static OpenTicket open(String clientId, Actor actor) {
        return new OpenTicket(ID, NUMBER, clientId, MARTA, "vpn-gw-01", "VPN down", "Nobody can connect", 40,
                Instant.parse("2026-11-24T08:30:00Z"), TicketType.INCIDENT, Priority.HIGH, Channel.PHONE, actor, NOW);
    }

    /** The opening of these tests, stamped with version 1 of {@code standard}, the contracts' policy here. */
    static TicketOpened opened() {
        return new TicketOpened(ID, NUMBER, "acme", MARTA, "vpn-gw-01", "VPN down", "Nobody can connect", 40,
                Instant.parse("2026-11-24T08:30:00Z"), TicketType.INCIDENT, Priority.HIGH, Channel.PHONE, null,
                "standard", 1);
    }

    static TicketAssigned assigned(String engineer, String previous, SupportLevel level) {
        return new TicketAssigned(ID, engineer, previous, level);
    }

    static TicketEscalated escalated(SupportLevel from, SupportLevel to, String caseRef, String engineer) {
        return new TicketEscalated(ID, NUMBER, "acme", "VPN down", Priority.HIGH, from, to, "needs a specialist",
                caseRef, engineer);
    }

    static final TicketPendingClosure PENDING = new TicketPendingClosure(ID, "gateway restarted");

    /**
     * The ledger's SLA policies in these tests: every version is docs/domain.md's policy with the closure terms
     * given (how long a pending closure waits, how long a closed ticket may be reopened).
     */
    static SlaPolicies policies(String autoAcceptAfter, Duration reopenWindow) {
        SlaPolicy policy = withClosure(autoAcceptAfter, reopenWindow);
        return (name, version) -> policy;
    }

    static SlaPolicy withClosure(String autoAcceptAfter, Duration reopenWindow) {
        SlaPolicyTerms terms = SlaFixtures.domainPolicy().terms();
        return new SlaPolicy(new SlaPolicyTerms(terms.officeCalendar(), terms.calendars(), terms.priorities(),
                autoAcceptAfter, reopenWindow, terms.atRiskPercent()));
    }

    /** docs/domain.md's calendars and the default closure terms: five business days, 30 days to reopen. */
    static final SlaPolicies POLICIES = policies("5d", Duration.ofDays(30));
    /** A Tuesday, 12:00 in Buenos Aires: a HIGH ticket marked pending closure now waits 45 business hours. */
    static final Instant TUESDAY_NOON = Instant.parse("2026-11-24T15:00:00Z");
    /** Tuesday 12:00 + 45 business hours (6 + 9 + 9 + 9 + 9 + 3): the next Tuesday, 12:00. */
    static final Instant AUTO_ACCEPT_AT = Instant.parse("2026-12-01T15:00:00Z");
    /** One business day (9 business hours) earlier: Monday, 12:00. */
    static final Instant WARNING_AT = Instant.parse("2026-11-30T15:00:00Z");

    /** A pending closure marked at {@link #TUESDAY_NOON} on the HIGH ticket of {@link #opened()}. */
    static TicketPendingClosure pending(String resolution) {
        return new TicketPendingClosure(ID, resolution, AUTO_ACCEPT_AT, WARNING_AT);
    }
    static final ClosureAccepted ACCEPTED = new ClosureAccepted(ID, "works now");

    /** Refused for this reason, saying this; the English bundle says exactly what the aggregate says. */
    static Matcher<CommandRefused> refused(Reason reason, String inMessage) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefused refusal) {
                return refusal.reason() == reason && refusal.getMessage().contains(inMessage)
                        && EnglishRefusal.of(refusal).equals(refusal.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused for " + reason + " saying '" + inMessage
                        + "', as the English bundle words it");
            }

            @Override
            protected void describeMismatchSafely(CommandRefused refusal, Description mismatch) {
                mismatch.appendText(refusal.reason() + " '" + refusal.getMessage() + "', the bundle: '"
                        + EnglishRefusal.of(refusal) + "'");
            }
        };
    }

    @Nested
    class Opening {

        @Test
        void operatorOpensATicketOnAClientsBehalf() {
            fixture.givenNoPriorActivity()
                    .when(open("acme", OPERATOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened());
        }

        @Test
        void clientOpensATicketForItsOwnOrganisation() {
            fixture.givenNoPriorActivity()
                    .when(open("acme", ACME))
                    .expectEvents(opened());
        }

        @Test
        void clientMayNotOpenATicketForAnotherOrganisation() {
            fixture.givenNoPriorActivity()
                    .when(open("acme", GLOBEX))
                    .expectException(refused(Reason.NOT_ALLOWED, "its own organisation"))
                    .expectNoEvents();
        }

        @Test
        void auditorMayNotOpenTickets() {
            fixture.givenNoPriorActivity()
                    .when(open("acme", AUDITOR))
                    .expectException(refused(Reason.NOT_ALLOWED, "AUDITOR may not open tickets"));
        }

        @Test
        void analystMayNotOpenTickets() {
            fixture.givenNoPriorActivity()
                    .when(open("acme", ANALYST))
                    .expectException(refused(Reason.NOT_ALLOWED, "ANALYST may not open tickets"));
        }
    }

    @Nested
    class Assignment {

        @Test
        void operatorAssignsAnOpenTicketToAnEngineerOfItsLevel() {
            fixture.given(opened())
                    .when(new AssignTicket(ID, "ana", L1, OPERATOR, null))
                    .expectEvents(assigned("ana", null, L1))
                    .expectResultMessagePayload(new TicketVersion(ID, NUMBER, 1));
        }

        @Test
        void engineerReassignsAnAssignedTicket() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new AssignTicket(ID, "diego", L1, ANA, null))
                    .expectEvents(assigned("diego", "ana", L1));
        }

        @Test
        void assigningToTheEngineerAlreadyAssignedIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new AssignTicket(ID, "ana", L1, OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "already assigned to ana"))
                    .expectNoEvents();
        }

        @Test
        void assigningToAnEngineerOfAnotherLevelIsRefused() {
            fixture.given(opened())
                    .when(new AssignTicket(ID, "bruno", L2, OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "needs an L1 engineer; bruno is an L2 engineer"));
        }

        @Test
        void ticketEscalatedToL2IsAssignedToAnL2Engineer() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null))
                    .when(new AssignTicket(ID, "bruno", L2, BRUNO, null))
                    .expectEvents(assigned("bruno", null, L2));
        }

        @Test
        void vendorLevelTicketIsReassignedToAnotherL3Engineer() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null),
                            assigned("bruno", null, L2), escalated(L2, L3, null, null), assigned("carla", null, L3),
                            escalated(L3, VENDOR, "TAC-7781", "carla"))
                    .when(new AssignTicket(ID, "dario", L3, OPERATOR, null))
                    .expectEvents(assigned("dario", "carla", VENDOR));
        }

        @Test
        void clientMayNotAssign() {
            fixture.given(opened())
                    .when(new AssignTicket(ID, "ana", L1, ACME, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "CLIENT may not assign tickets"));
        }

        @Test
        void ticketPendingClosureCannotBeAssigned() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AssignTicket(ID, "diego", L1, OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "ticket TCK-000042 is PENDING_CLOSURE and cannot be assigned; allowed now: a note, "
                                    + "an attachment, the client's acceptance, a reopening, a reclassification or a"
                                    + " cancellation"));
        }

        @Test
        void closedTicketCannotBeAssigned() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new AssignTicket(ID, "diego", L1, OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "ticket TCK-000042 is CLOSED and cannot be assigned; only a reopening is allowed"));
        }
    }

    @Nested
    class Notes {

        @Test
        void engineerAddsAnInternalNote() {
            fixture.given(opened())
                    .when(new AddNote(ID, "checked the gateway logs", Visibility.INTERNAL, ANA, null))
                    .expectEvents(new NoteAdded(ID, "checked the gateway logs", Visibility.INTERNAL));
        }

        @Test
        void operatorAddsAPublicNote() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new AddNote(ID, "called the client back", Visibility.PUBLIC, OPERATOR, null))
                    .expectEvents(new NoteAdded(ID, "called the client back", Visibility.PUBLIC));
        }

        @Test
        void clientAddsAPublicNoteToItsOwnTicket() {
            fixture.given(opened())
                    .when(new AddNote(ID, "still down", Visibility.PUBLIC, ACME, null))
                    .expectEvents(new NoteAdded(ID, "still down", Visibility.PUBLIC));
        }

        @Test
        void clientMayNotAddAnInternalNote() {
            fixture.given(opened())
                    .when(new AddNote(ID, "psst", Visibility.INTERNAL, ACME, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "only PUBLIC notes"));
        }

        @Test
        void clientOfAnotherOrganisationIsToldTheTicketDoesNotExist() {
            fixture.given(opened())
                    .when(new AddNote(ID, "hello?", Visibility.PUBLIC, GLOBEX, null))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "no ticket " + ID));
        }

        @Test
        void noteIsAddedWhileTheClientIsAskedToAccept() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AddNote(ID, "will test tomorrow", Visibility.PUBLIC, ACME, null))
                    .expectEvents(new NoteAdded(ID, "will test tomorrow", Visibility.PUBLIC));
        }

        @Test
        void noteOnAClosedTicketIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new AddNote(ID, "one more thing", Visibility.PUBLIC, ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CLOSED and cannot be given a note; only a reopening"));
        }

        @Test
        void auditorMayNotAddNotes() {
            fixture.given(opened())
                    .when(new AddNote(ID, "audit remark", Visibility.INTERNAL, AUDITOR, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "AUDITOR may not add notes"));
        }
    }

    @Nested
    class Escalation {

        @Test
        void escalationToL2PutsTheTicketInThatQueueUnassigned() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new EscalateTicket(ID, L2, "needs a specialist", null, ANA, null))
                    .expectEvents(escalated(L1, L2, null, null));
        }

        @Test
        void escalatedTicketIsOpenAgainSoItCannotBeMarkedPendingClosure() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null))
                    .when(new MarkPendingClosure(ID, "done", BRUNO, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is OPEN and cannot be marked pending closure"));
        }

        @Test
        void escalationSkippingALevelIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new EscalateTicket(ID, L3, "urgent", null, ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "ticket TCK-000042 is at L1; it can be escalated only to L2, one level at a time"))
                    .expectNoEvents();
        }

        @Test
        void escalationOfAnUnassignedTicketIsRefused() {
            fixture.given(opened())
                    .when(new EscalateTicket(ID, L2, "needs a specialist", null, ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is OPEN and cannot be escalated"));
        }

        @Test
        void escalationToVendorKeepsTheEngineerAndRecordsTheCaseReference() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null),
                            assigned("bruno", null, L2), escalated(L2, L3, null, null), assigned("carla", null, L3))
                    .when(new EscalateTicket(ID, VENDOR, "needs a specialist", "TAC-7781", CARLA, null))
                    .expectEvents(escalated(L3, VENDOR, "TAC-7781", "carla"));
        }

        @Test
        void vendorLevelTicketStaysAssignedSoItCanBeMarkedPendingClosure() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null),
                            assigned("bruno", null, L2), escalated(L2, L3, null, null), assigned("carla", null, L3),
                            escalated(L3, VENDOR, "TAC-7781", "carla"))
                    .when(new MarkPendingClosure(ID, "vendor patch applied", CARLA, null))
                    .expectEvents(pending("vendor patch applied"));
        }

        @Test
        void escalationToVendorWithoutACaseReferenceIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null),
                            assigned("bruno", null, L2), escalated(L2, L3, null, null), assigned("carla", null, L3))
                    .when(new EscalateTicket(ID, VENDOR, "needs the vendor", " ", CARLA, null))
                    .expectException(refused(Reason.INVALID_COMMAND, "vendor's case reference"));
        }

        @Test
        void caseReferenceOnAnEscalationWithinTheDeskIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new EscalateTicket(ID, L2, "needs a specialist", "TAC-1", ANA, null))
                    .expectException(refused(Reason.INVALID_COMMAND, "only to an escalation to VENDOR"));
        }

        @Test
        void escalationBeyondTheVendorIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null),
                            assigned("bruno", null, L2), escalated(L2, L3, null, null), assigned("carla", null, L3),
                            escalated(L3, VENDOR, "TAC-7781", "carla"))
                    .when(new EscalateTicket(ID, VENDOR, "again", "TAC-7782", CARLA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is already at VENDOR, the highest level"));
        }

        @Test
        void operatorMayEscalateAnAssignedTicket() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new EscalateTicket(ID, L2, "needs a specialist", null, OPERATOR, null))
                    .expectEvents(escalated(L1, L2, null, null));
        }

        @Test
        void refusesEscalationByAnEngineerTheTicketIsNotAssignedTo() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new EscalateTicket(ID, L2, "needs a specialist", null, BRUNO, null))
                    .expectException(refused(Reason.NOT_ALLOWED,
                            "ticket TCK-000042 is assigned to ana; only ana or an OPERATOR may escalate it"));
        }

        @Test
        void closedTicketCannotBeEscalated() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new EscalateTicket(ID, L2, "late", null, ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CLOSED and cannot be escalated"));
        }
    }

    @Nested
    class PendingClosure {

        @Test
        void engineerMarksAnAssignedTicketPendingClosure() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .when(new MarkPendingClosure(ID, "gateway restarted", ANA, null))
                    .expectEvents(pending("gateway restarted"));
        }

        @Test
        void unassignedTicketCannotBeMarkedPendingClosure() {
            fixture.given(opened())
                    .when(new MarkPendingClosure(ID, "gateway restarted", ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "is OPEN and cannot be marked pending closure; allowed now: an assignment, a note, an"
                                    + " attachment, a reclassification or a cancellation"));
        }

        @Test
        void ticketAlreadyPendingClosureCannotBeMarkedAgain() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new MarkPendingClosure(ID, "again", ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is PENDING_CLOSURE"));
        }

        @Test
        void operatorMayMarkAnAssignedTicketPendingClosure() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .when(new MarkPendingClosure(ID, "gateway restarted", OPERATOR, null))
                    .expectEvents(pending("gateway restarted"));
        }

        @Test
        void refusesPendingClosureByAnEngineerTheTicketIsNotAssignedTo() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new MarkPendingClosure(ID, "done", CARLA, null))
                    .expectException(refused(Reason.NOT_ALLOWED,
                            "ticket TCK-000042 is assigned to ana; only ana or an OPERATOR may mark it pending closure"));
        }
    }

    @Nested
    class Acceptance {

        @Test
        void clientAcceptsTheResolution() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, "works now", ACME, null))
                    .expectEvents(ACCEPTED);
        }

        @Test
        void ticketNotPendingClosureCannotBeAccepted() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new AcceptClosure(ID, null, ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is ASSIGNED and cannot be accepted"));
        }

        @Test
        void closedTicketCannotBeAcceptedTwice() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new AcceptClosure(ID, null, ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CLOSED and cannot be accepted"));
        }

        @Test
        void engineerMayNotAcceptOnTheClientsBehalf() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, null, ANA, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "ENGINEER may not accept a closure"));
        }

        @Test
        void clientOfAnotherOrganisationCannotAccept() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, null, GLOBEX, null))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "no ticket"));
        }
    }

    @Nested
    class Reopening {

        @Test
        void unsatisfiedClientReopensToTheSameEngineer() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new ReopenTicket(ID, "still failing", Instant.now(), ACME, null))
                    .expectEvents(new TicketReopened(ID, "still failing", TicketStatus.PENDING_CLOSURE, "ana"));
        }

        @Test
        void reopenedTicketIsAssignedAgainAndCanBeResolvedAgain() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1), PENDING,
                            new TicketReopened(ID, "still failing", TicketStatus.PENDING_CLOSURE, "ana"))
                    .when(new MarkPendingClosure(ID, "replaced the cable", ANA, null))
                    .expectEvents(pending("replaced the cable"));
        }

        @Test
        void closedTicketIsReopenedWithinThirtyDays() {
            fixture.givenCurrentTime(CLOSED_AT)
                    .andGiven(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new ReopenTicket(ID, "it came back", CLOSED_AT.plus(Duration.ofDays(30)), ACME, null))
                    .expectEvents(new TicketReopened(ID, "it came back", TicketStatus.CLOSED, "ana"));
        }

        @Test
        void closedTicketIsNotReopenedAfterThirtyDays() {
            fixture.givenCurrentTime(CLOSED_AT)
                    .andGiven(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new ReopenTicket(ID, "it came back", CLOSED_AT.plus(Duration.ofDays(30)).plusSeconds(1),
                            ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "was closed on 2026-11-02 and could be reopened until 2026-12-02; open a new ticket instead"))
                    .expectNoEvents();
        }

        @Test
        void reopeningWindowIsConfigurable() {
            fixture = new AggregateTestFixture<>(Ticket.class);
            fixture.registerInjectableResource(policies("5d", Duration.ofDays(7)));
            fixture.registerInjectableResource(CLIENTS);
            fixture.givenCurrentTime(CLOSED_AT)
                    .andGiven(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new ReopenTicket(ID, "it came back", CLOSED_AT.plus(Duration.ofDays(8)), ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "could be reopened until 2026-11-09"));
        }

        @Test
        void assignedTicketCannotBeReopened() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new ReopenTicket(ID, "?", Instant.now(), ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is ASSIGNED and cannot be reopened"));
        }

        @Test
        void engineerMayNotReopen() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new ReopenTicket(ID, "not convinced", Instant.now(), ANA, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "ENGINEER may not reopen tickets"));
        }

        @Test
        void clientOfAnotherOrganisationCannotReopen() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new ReopenTicket(ID, "hm", Instant.now(), GLOBEX, null))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "no ticket"));
        }
    }

    /** docs/domain.md, "Clients and contracts": a new ticket needs a registered client with a contract in force. */
    @Nested
    class Entitlement {

        void given(ClientRegister.Terms terms) {
            useClients(register(terms));
        }

        ClientRegister.Terms acmeWith(ClientRegister.Contract contract) {
            return new ClientRegister.Terms("acme", BUENOS_AIRES, contract, List.of());
        }

        @Test
        void ticketOfAnUnknownClientIsNotOpened() {
            fixture.givenNoPriorActivity()
                    .when(open("initech", OPERATOR))
                    .expectException(refused(Reason.CLIENT_NOT_FOUND, "no client initech"))
                    .expectNoEvents();
        }

        @Test
        void clientWithoutAContractGetsNoTicket() {
            given(acmeWith(null));
            fixture.givenNoPriorActivity()
                    .when(open("acme", OPERATOR))
                    .expectException(refused(Reason.NOT_ENTITLED, "client acme has no contract"))
                    .expectNoEvents();
        }

        @Test
        void suspendedContractSaysWhy() {
            given(acmeWith(new ClientRegister.Contract(IN_FORCE.from(), IN_FORCE.to(), "standard", 1, true, "unpaid")));
            fixture.givenNoPriorActivity()
                    .when(open("acme", ACME))
                    .expectException(refused(Reason.NOT_ENTITLED, "is suspended (unpaid)"))
                    .expectNoEvents();
        }

        @Test
        void contractStartingTomorrowDoesNotCoverToday() {
            given(acmeWith(new ClientRegister.Contract(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-11-30"),
                    "standard", 1, false, null)));
            fixture.givenNoPriorActivity()
                    .when(open("acme", OPERATOR))
                    .expectException(refused(Reason.NOT_ENTITLED, "starts on 2026-12-01"))
                    .expectNoEvents();
        }

        @Test
        void contractThatEndedCoversNoNewTicket() {
            given(acmeWith(new ClientRegister.Contract(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-11-29"),
                    "standard", 1, false, null)));
            fixture.givenNoPriorActivity()
                    .when(open("acme", OPERATOR))
                    .expectException(refused(Reason.NOT_ENTITLED, "ended on 2026-11-29"))
                    .expectNoEvents();
        }

        @Test
        void contractCoversItsLastDayInTheClientsTimeZone() {
            // 02:00 UTC on the 1st is still the 30th in Buenos Aires (UTC-3): the contract's last day
            given(acmeWith(new ClientRegister.Contract(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-11-30"),
                    "standard", 1, false, null)));
            OpenTicket late = open("acme", OPERATOR);
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(late.ticketId(), late.number(), late.clientId(), late.reporter(),
                            late.affectedService(), late.title(), late.description(), late.affectedUsers(),
                            late.occurredAt(), late.type(), late.priority(), late.channel(), late.category(),
                            late.actor(), Instant.parse("2026-12-01T02:00:00Z")))
                    .expectEvents(opened());
        }

        @Test
        void roleIsCheckedBeforeTheClient() {
            fixture.givenNoPriorActivity()
                    .when(open("initech", AUDITOR))
                    .expectException(refused(Reason.NOT_ALLOWED, "AUDITOR may not open tickets"));
        }
    }

    /** Acceptance and reopening are for the client's representatives, when it names any. */
    @Nested
    class Representatives {

        @Test
        void representativeAcceptsTheResolution() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, "works now", new Actor("acme-2", Role.CLIENT, "acme", null), null))
                    .expectEvents(ACCEPTED);
        }

        @Test
        void userOfTheOrganisationWhoIsNoRepresentativeMayNotAccept() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, null, ACME_3, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "acme-3 is not one of them"))
                    .expectNoEvents();
        }

        @Test
        void userOfTheOrganisationWhoIsNoRepresentativeMayNotReopen() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new ReopenTicket(ID, "still failing", NOW, ACME_3, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "may not reopen it"))
                    .expectNoEvents();
        }

        @Test
        void userWhoIsNoRepresentativeStillAddsPublicNotes() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AddNote(ID, "it still blinks", Visibility.PUBLIC, ACME_3, null))
                    .expectEvents(new NoteAdded(ID, "it still blinks", Visibility.PUBLIC));
        }

        @Test
        void anyUserMayAcceptWhenTheClientNamesNoRepresentative() {
            useClients(register(new ClientRegister.Terms("acme", BUENOS_AIRES, IN_FORCE, List.of())));
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, "works now", ACME_3, null))
                    .expectEvents(ACCEPTED);
        }

        @Test
        void ticketOfAClientNeverRegisteredIsAcceptedAsBefore() {
            useClients(register());
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, "works now", ACME_3, null))
                    .expectEvents(ACCEPTED);
        }
    }

    @Nested
    class Reclassification {

        static TicketReclassified reclassified(Priority fromPriority, Priority toPriority, TicketType fromType,
                TicketType toType, String fromCategory, String toCategory, TicketStatus status) {
            return new TicketReclassified(ID, NUMBER, "acme", status, fromPriority, toPriority, fromType, toType,
                    fromCategory, toCategory, "the whole floor is down");
        }

        @Test
        void engineerRaisesThePriorityOfAnAssignedTicket() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new ReclassifyTicket(ID, Priority.CRITICAL, null, null, "the whole floor is down", ANA, null))
                    .expectEvents(reclassified(Priority.HIGH, Priority.CRITICAL, TicketType.INCIDENT,
                            TicketType.INCIDENT, null, null, TicketStatus.ASSIGNED))
                    .expectResultMessagePayload(new TicketVersion(ID, NUMBER, 2));
        }

        @Test
        void operatorChangesTypeAndCategoryOfAnOpenTicket() {
            fixture.given(opened())
                    .when(new ReclassifyTicket(ID, null, TicketType.REQUEST, "access", "the whole floor is down",
                            OPERATOR, null))
                    .expectEvents(reclassified(Priority.HIGH, Priority.HIGH, TicketType.INCIDENT, TicketType.REQUEST,
                            null, "access", TicketStatus.OPEN));
        }

        @Test
        void categoryGivenAtTheOpeningIsTheOneReplaced() {
            TicketOpened withCategory = new TicketOpened(ID, NUMBER, "acme", MARTA, "vpn-gw-01", "VPN down",
                    "Nobody can connect", 40, Instant.parse("2026-11-24T08:30:00Z"), TicketType.INCIDENT,
                    Priority.HIGH, Channel.PHONE, "network");
            fixture.given(withCategory)
                    .when(new ReclassifyTicket(ID, null, null, "hardware", "the whole floor is down", OPERATOR, null))
                    .expectEvents(reclassified(Priority.HIGH, Priority.HIGH, TicketType.INCIDENT, TicketType.INCIDENT,
                            "network", "hardware", TicketStatus.OPEN));
        }

        @Test
        void ticketPendingClosureIsReclassifiedAndStaysPending() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new ReclassifyTicket(ID, Priority.LOW, null, null, "the whole floor is down", ANA, null))
                    .expectEvents(reclassified(Priority.HIGH, Priority.LOW, TicketType.INCIDENT, TicketType.INCIDENT,
                            null, null, TicketStatus.PENDING_CLOSURE));
        }

        @Test
        void reclassificationIsTheOneEscalationsCarry() {
            fixture.given(opened(), assigned("ana", null, L1),
                            reclassified(Priority.HIGH, Priority.CRITICAL, TicketType.INCIDENT, TicketType.INCIDENT,
                                    null, null, TicketStatus.ASSIGNED))
                    .when(new EscalateTicket(ID, L2, "needs a specialist", null, ANA, null))
                    .expectEvents(new TicketEscalated(ID, NUMBER, "acme", "VPN down", Priority.CRITICAL, L1, L2,
                            "needs a specialist", null, null));
        }

        @Test
        void refusesAReclassificationThatChangesNothing() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new ReclassifyTicket(ID, Priority.HIGH, TicketType.INCIDENT, null, "same", ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "is already HIGH, INCIDENT, without a category; a reclassification must change"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReclassificationThatNamesNothing() {
            fixture.given(opened())
                    .when(new ReclassifyTicket(ID, null, null, null, "nothing", OPERATOR, null))
                    .expectException(refused(Reason.INVALID_COMMAND, "needs a new priority, type or category"));
        }

        @Test
        void refusesReclassificationOfAClosedTicket() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new ReclassifyTicket(ID, Priority.LOW, null, null, "late", OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CLOSED and cannot be reclassified"));
        }

        @Test
        void refusesReclassificationOfACancelledTicket() {
            fixture.given(opened(), Cancellation.withdrawn())
                    .when(new ReclassifyTicket(ID, Priority.LOW, null, null, "late", OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CANCELLED and cannot be reclassified;"
                            + " nothing more is allowed, it was cancelled; open a new ticket"));
        }

        @Test
        void clientMayNotReclassify() {
            fixture.given(opened())
                    .when(new ReclassifyTicket(ID, Priority.CRITICAL, null, null, "urgent!", ACME, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "CLIENT may not reclassify tickets"));
        }

        @Test
        void auditorMayNotReclassify() {
            fixture.given(opened())
                    .when(new ReclassifyTicket(ID, Priority.LOW, null, null, "?", AUDITOR, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "AUDITOR may not reclassify tickets"));
        }

        @Test
        void refusesAReclassificationAtAStaleVersion() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new ReclassifyTicket(ID, Priority.LOW, null, null, "?", ANA, 0L))
                    .expectException(refused(Reason.STALE_VERSION, "is at version 1, not at version 0"));
        }
    }

    @Nested
    class Cancellation {

        static TicketCancelled withdrawn() {
            return new TicketCancelled(ID, NUMBER, "acme", CancellationReason.WITHDRAWN, null, null, "solved itself",
                    TicketStatus.OPEN, null);
        }

        @Test
        void clientWithdrawsItsOwnOpenTicket() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.WITHDRAWN, null, "solved itself", ACME, null))
                    .expectEvents(withdrawn())
                    .expectResultMessagePayload(new TicketVersion(ID, NUMBER, 1));
        }

        @Test
        void assignedEngineerClosesTheTicketAsADuplicate() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new CancelTicket(ID, CancellationReason.DUPLICATE, ORIGINAL, "same outage", ANA, null))
                    .expectEvents(new TicketCancelled(ID, NUMBER, "acme", CancellationReason.DUPLICATE, ORIGINAL,
                            "TCK-000007", "same outage", TicketStatus.ASSIGNED, "ana"));
        }

        @Test
        void operatorCancelsATicketPendingClosureAsOutOfScope() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new CancelTicket(ID, CancellationReason.OUT_OF_SCOPE, null, "not ours", OPERATOR, null))
                    .expectEvents(new TicketCancelled(ID, NUMBER, "acme", CancellationReason.OUT_OF_SCOPE, null, null,
                            "not ours", TicketStatus.PENDING_CLOSURE, "ana"));
        }

        @Test
        void refusesAClientCancellationForAnotherReason() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.NO_CONTRACT, null, "hm", ACME, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "a client may cancel a ticket only as WITHDRAWN"))
                    .expectNoEvents();
        }

        @Test
        void clientOfAnotherOrganisationIsToldTheTicketDoesNotExist() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.WITHDRAWN, null, "probe", GLOBEX, null))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "no ticket"));
        }

        @Test
        void refusesCancellationByAnEngineerTheTicketIsNotAssignedTo() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new CancelTicket(ID, CancellationReason.OUT_OF_SCOPE, null, "not ours", BRUNO, null))
                    .expectException(refused(Reason.NOT_ALLOWED,
                            "is assigned to ana; only ana or an OPERATOR may cancel it"));
        }

        @Test
        void refusesCancellationOfAnUnassignedTicketByAnEngineer() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.OUT_OF_SCOPE, null, "not ours", ANA, null))
                    .expectException(refused(Reason.NOT_ALLOWED,
                            "is not assigned to anyone; only an OPERATOR or its client may cancel it"));
        }

        @Test
        void auditorMayNotCancel() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.WITHDRAWN, null, "?", AUDITOR, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "AUDITOR may not cancel tickets"));
        }

        @Test
        void refusesCancellationOfAClosedTicket() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new CancelTicket(ID, CancellationReason.WITHDRAWN, null, "never mind", ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CLOSED and cannot be cancelled"));
        }

        @Test
        void refusesCancellationOfACancelledTicket() {
            fixture.given(opened(), withdrawn())
                    .when(new CancelTicket(ID, CancellationReason.WITHDRAWN, null, "again", ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CANCELLED and cannot be cancelled"));
        }

        @Test
        void refusesADuplicateWithoutItsOriginal() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.DUPLICATE, null, "dup", OPERATOR, null))
                    .expectException(refused(Reason.INVALID_COMMAND, "needs the original ticket (duplicateOf)"));
        }

        @Test
        void refusesAnOriginalForAnotherReason() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.OUT_OF_SCOPE, ORIGINAL, "?", OPERATOR, null))
                    .expectException(refused(Reason.INVALID_COMMAND, "belongs only to a cancellation as DUPLICATE"));
        }

        @Test
        void refusesADuplicateOfItself() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.DUPLICATE, ID, "dup", OPERATOR, null))
                    .expectException(refused(Reason.INVALID_COMMAND, "cannot be a duplicate of itself"))
                    .expectNoEvents();
        }

        @Test
        void refusesADuplicateOfAnotherOrganisationsTicketAsIfItDidNotExist() {
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.DUPLICATE, GLOBEX_TICKET, "dup", OPERATOR, null))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "cannot be closed as a duplicate of "
                            + GLOBEX_TICKET + ": its organisation has no such ticket"))
                    .expectNoEvents();
        }

        @Test
        void refusesADuplicateOfATicketThatDoesNotExist() {
            UUID nowhere = UUID.fromString("6f1c1a40-0000-4000-8000-000000000999");
            fixture.given(opened())
                    .when(new CancelTicket(ID, CancellationReason.DUPLICATE, nowhere, "dup", OPERATOR, null))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "cannot be closed as a duplicate of " + nowhere
                            + ": its organisation has no such ticket"));
        }

        @Test
        void refusesReopeningACancelledTicketSayingToOpenANewOne() {
            fixture.given(opened(), withdrawn())
                    .when(new ReopenTicket(ID, "it came back", Instant.now(), ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "is CANCELLED and cannot be reopened; nothing more is allowed, it was cancelled; open a new"
                                    + " ticket if the problem remains"));
        }

        @Test
        void refusesANoteOnACancelledTicket() {
            fixture.given(opened(), withdrawn())
                    .when(new AddNote(ID, "hello?", Visibility.PUBLIC, OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CANCELLED and cannot be given a note"));
        }

        @Test
        void refusesAssigningACancelledTicket() {
            fixture.given(opened(), withdrawn())
                    .when(new AssignTicket(ID, "ana", L1, OPERATOR, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CANCELLED and cannot be assigned"));
        }

        @Test
        void refusesEscalatingACancelledTicket() {
            fixture.given(opened(), assigned("ana", null, L1),
                            new TicketCancelled(ID, NUMBER, "acme", CancellationReason.OUT_OF_SCOPE, null, null,
                                    "not ours", TicketStatus.ASSIGNED, "ana"))
                    .when(new EscalateTicket(ID, L2, "?", null, ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CANCELLED and cannot be escalated"));
        }

        @Test
        void refusesMarkingACancelledTicketPendingClosure() {
            fixture.given(opened(), assigned("ana", null, L1),
                            new TicketCancelled(ID, NUMBER, "acme", CancellationReason.OUT_OF_SCOPE, null, null,
                                    "not ours", TicketStatus.ASSIGNED, "ana"))
                    .when(new MarkPendingClosure(ID, "done", ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "is CANCELLED and cannot be marked pending closure"));
        }

        @Test
        void refusesAcceptingACancelledTicket() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING,
                            new TicketCancelled(ID, NUMBER, "acme", CancellationReason.WITHDRAWN, null, null, "bye",
                                    TicketStatus.PENDING_CLOSURE, "ana"))
                    .when(new AcceptClosure(ID, "thanks", ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is CANCELLED and cannot be accepted"));
        }
    }

    /**
     * docs/domain.md, "Automatic acceptance": a pending closure nobody answers is accepted by the ledger itself after
     * the acceptance period; the client's answer, or a cancellation, cancels it.
     */
    @Nested
    class AutomaticAcceptance {

        static final MarkPendingClosure MARK = new MarkPendingClosure(ID, "gateway restarted", ANA, null);
        static final ClosureAccepted ACCEPTED_BY_THE_LEDGER = new ClosureAccepted(ID, null, true);

        @Test
        void pendingClosureSchedulesTheAcceptanceFiveBusinessDaysLater() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .when(MARK)
                    .expectEvents(pending("gateway restarted"))
                    .expectScheduledDeadline(AUTO_ACCEPT_AT, new AutoAcceptanceDue(ID, AUTO_ACCEPT_AT));
        }

        @Test
        void criticalTicketWaitsFiveWholeDaysOfItsRoundTheClockCalendar() {
            Instant saturday = Instant.parse("2026-11-28T03:00:00Z");
            TicketOpened critical = new TicketOpened(ID, NUMBER, "acme", MARTA, "vpn-gw-01", "VPN down", "all down",
                    400, saturday, TicketType.INCIDENT, Priority.CRITICAL, Channel.PHONE);
            Instant acceptAt = saturday.plus(Duration.ofDays(5));
            fixture.givenCurrentTime(saturday)
                    .andGiven(critical, assigned("ana", null, L1))
                    .when(MARK)
                    .expectEvents(new TicketPendingClosure(ID, "gateway restarted", acceptAt,
                            acceptAt.minus(Duration.ofDays(1))))
                    .expectScheduledDeadline(acceptAt, new AutoAcceptanceDue(ID, acceptAt));
        }

        @Test
        void theAcceptancePeriodIsConfigurable() {
            fixture = new AggregateTestFixture<>(Ticket.class);
            fixture.registerInjectableResource(policies("3h", Duration.ofDays(30)));
            // Three business hours from Tuesday 12:00 is 15:00; shorter than a business day, so the warning is at once.
            Instant acceptAt = Instant.parse("2026-11-24T18:00:00Z");
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .when(MARK)
                    .expectEvents(new TicketPendingClosure(ID, "gateway restarted", acceptAt, TUESDAY_NOON))
                    .expectScheduledDeadline(acceptAt, new AutoAcceptanceDue(ID, acceptAt));
        }

        @Test
        void nobodyAnsweringInTimeLetsTheLedgerAcceptTheResolution() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .andGivenCommands(MARK)
                    .whenTimeAdvancesTo(AUTO_ACCEPT_AT)
                    .expectTriggeredDeadlinesOfType(AutoAcceptanceDue.class)
                    .expectEvents(ACCEPTED_BY_THE_LEDGER);
        }

        @Test
        void nothingHappensBeforeTheAcceptanceIsDue() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .andGivenCommands(MARK)
                    .whenTimeAdvancesTo(AUTO_ACCEPT_AT.minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadline(AUTO_ACCEPT_AT, new AutoAcceptanceDue(ID, AUTO_ACCEPT_AT));
        }

        @Test
        void clientsAcceptanceLeavesTheLedgerNothingToAccept() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .andGivenCommands(MARK, new AcceptClosure(ID, "works now", ACME, null))
                    .whenTimeAdvancesTo(AUTO_ACCEPT_AT)
                    .expectTriggeredDeadlinesOfType(AutoAcceptanceDue.class)
                    .expectNoEvents();
        }

        @Test
        void cancelledTicketIsNotAcceptedByTheLedger() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .andGivenCommands(MARK, new CancelTicket(ID, CancellationReason.WITHDRAWN, null,
                            "fixed it ourselves", ACME, null))
                    .whenTimeAdvancesTo(AUTO_ACCEPT_AT)
                    .expectTriggeredDeadlinesOfType(AutoAcceptanceDue.class)
                    .expectNoEvents();
        }

        @Test
        void aReopenedTicketIsNotAcceptedAtItsFormerPendingClosuresInstant() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .andGivenCommands(MARK, new ReopenTicket(ID, "still failing", TUESDAY_NOON, ACME, null))
                    .whenTimeAdvancesTo(AUTO_ACCEPT_AT.plus(Duration.ofDays(1)))
                    .expectNoEvents();
        }

        @Test
        void aFiringForAPendingClosureThatIsNoLongerCurrentDoesNothing() {
            // The ticket was reopened and is pending again with a later instant: only that pending closure's deadline
            // may accept it, and the first one's firing finds nothing to do.
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1))
                    .andGivenCommands(MARK)
                    .andGiven(new TicketReopened(ID, "still failing", TicketStatus.PENDING_CLOSURE, "ana"),
                            new TicketPendingClosure(ID, "cable replaced", AUTO_ACCEPT_AT.plus(Duration.ofHours(1)),
                                    WARNING_AT.plus(Duration.ofHours(1))))
                    .whenTimeAdvancesTo(AUTO_ACCEPT_AT)
                    .expectTriggeredDeadlinesOfType(AutoAcceptanceDue.class)
                    .expectNoEvents();
        }

        @Test
        void aPendingClosureRecordedBeforeAutomaticAcceptanceWaitsForTheClient() {
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(opened(), assigned("ana", null, L1), PENDING)
                    .when(new AcceptClosure(ID, "works now", ACME, null))
                    .expectEvents(ACCEPTED)
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class Versions {

        @Test
        void commandNamingTheCurrentVersionIsApplied() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new AddNote(ID, "on it", Visibility.PUBLIC, ANA, 1L))
                    .expectEvents(new NoteAdded(ID, "on it", Visibility.PUBLIC))
                    .expectResultMessagePayload(new TicketVersion(ID, NUMBER, 2));
        }

        @Test
        void commandNamingAStaleVersionIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new AddNote(ID, "on it", Visibility.PUBLIC, ANA, 0L))
                    .expectException(refused(Reason.STALE_VERSION, "is at version 1, not at version 0"))
                    .expectNoEvents();
        }

        @Test
        void clientOfAnotherOrganisationLearnsNothingFromAVersion() {
            fixture.given(opened())
                    .when(new AddNote(ID, "probe", Visibility.PUBLIC, GLOBEX, 7L))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "no ticket"));
        }
    }

    @Nested
    class Attachments {

        static final UUID SCREENSHOT = UUID.fromString("a77ac4ed-0000-4000-8000-000000000001");
        static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        AddAttachment attach(Visibility visibility, Actor actor, Long expectedVersion) {
            return new AddAttachment(ID, SCREENSHOT, "error dialog.png", "image/png", 4, SHA256, visibility,
                    "test".getBytes(java.nio.charset.StandardCharsets.UTF_8), actor, expectedVersion);
        }

        AttachmentAdded added(Visibility visibility) {
            return new AttachmentAdded(ID, SCREENSHOT, "error dialog.png", "image/png", 4, SHA256, visibility);
        }

        @Test
        void engineerAttachesAnInternalFile() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(attach(Visibility.INTERNAL, ANA, null))
                    .expectEvents(added(Visibility.INTERNAL))
                    .expectResultMessagePayload(new TicketVersion(ID, NUMBER, 2));
        }

        @Test
        void clientAttachesAPublicScreenshotToItsOwnTicket() {
            fixture.given(opened())
                    .when(attach(Visibility.PUBLIC, ACME, null))
                    .expectEvents(added(Visibility.PUBLIC));
        }

        @Test
        void clientMayNotAttachAnInternalFile() {
            fixture.given(opened())
                    .when(attach(Visibility.INTERNAL, ACME, null))
                    .expectNoEvents()
                    .expectException(refused(Reason.NOT_ALLOWED, "only PUBLIC attachments"));
        }

        @Test
        void clientOfAnotherOrganisationIsToldTheTicketDoesNotExist() {
            fixture.given(opened())
                    .when(attach(Visibility.PUBLIC, GLOBEX, null))
                    .expectException(refused(Reason.TICKET_NOT_FOUND, "no ticket " + ID));
        }

        @Test
        void auditorMayNotAttachFiles() {
            fixture.given(opened())
                    .when(attach(Visibility.PUBLIC, AUDITOR, null))
                    .expectException(refused(Reason.NOT_ALLOWED, "a AUDITOR may not add attachments"));
        }

        @Test
        void fileIsAttachedWhileTheClientIsAskedToAccept() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(attach(Visibility.PUBLIC, ACME, null))
                    .expectEvents(added(Visibility.PUBLIC));
        }

        @Test
        void attachmentToAClosedTicketIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(attach(Visibility.PUBLIC, ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "is CLOSED and cannot be given an attachment; only a reopening"));
        }

        @Test
        void attachmentAtAStaleVersionIsRefused() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(attach(Visibility.PUBLIC, ANA, 0L))
                    .expectException(refused(Reason.STALE_VERSION, "is at version 1, not at version 0"));
        }

        @Test
        void anAttachmentMovesTheVersionOn() {
            fixture.given(opened(), added(Visibility.PUBLIC))
                    .when(new AddNote(ID, "see the screenshot", Visibility.PUBLIC, ANA, 1L))
                    .expectEvents(new NoteAdded(ID, "see the screenshot", Visibility.PUBLIC));
        }
    }

    @Nested
    class TakingFromAQueue {

        static TicketAssigned taken(String engineer, SupportLevel level) {
            return new TicketAssigned(ID, engineer, null, level, AssignedVia.TAKE_NEXT);
        }

        @Test
        void engineerTakesTheTicketWaitingInTheirLevelsQueue() {
            fixture.given(opened())
                    .when(new TakeFromQueue(ID, L1, ANA))
                    .expectEvents(taken("ana", L1))
                    .expectResultMessagePayload(new TicketVersion(ID, NUMBER, 1));
        }

        @Test
        void ticketEscalatedToL2IsTakenByAnL2Engineer() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null))
                    .when(new TakeFromQueue(ID, L2, BRUNO))
                    .expectEvents(taken("bruno", L2));
        }

        @Test
        void ticketAssignedMeanwhileIsNoLongerWaitingInTheQueue() {
            fixture.given(opened(), assigned("diego", null, L1))
                    .when(new TakeFromQueue(ID, L1, ANA))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "ticket TCK-000042 is no longer waiting in the L1 queue"))
                    .expectNoEvents();
        }

        @Test
        void ticketEscalatedMeanwhileIsNotTakenFromTheQueueItLeft() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null))
                    .when(new TakeFromQueue(ID, L1, ANA))
                    .expectException(refused(Reason.INVALID_TRANSITION, "no longer waiting in the L1 queue"))
                    .expectNoEvents();
        }

        @Test
        void closedTicketIsNotTaken() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new TakeFromQueue(ID, L1, ANA))
                    .expectException(refused(Reason.INVALID_TRANSITION, "no longer waiting in the L1 queue"));
        }

        @Test
        void engineerTakesOnlyFromTheirOwnLevelsQueue() {
            fixture.given(opened())
                    .when(new TakeFromQueue(ID, L1, BRUNO))
                    .expectException(refused(Reason.NOT_ALLOWED,
                            "bruno is an L2 engineer and may take only from that level's queue, not from L1"))
                    .expectNoEvents();
        }

        @Test
        void nobodyTakesFromTheVendorQueue() {
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null),
                            assigned("bruno", null, L2), escalated(L2, L3, null, null), assigned("carla", null, L3),
                            escalated(L3, VENDOR, "TAC-7781", "carla"))
                    .when(new TakeFromQueue(ID, VENDOR, CARLA))
                    .expectException(refused(Reason.NOT_ALLOWED, "nobody takes from the VENDOR queue"));
        }

        @Test
        void operatorMayNotTakeFromAQueue() {
            fixture.given(opened())
                    .when(new TakeFromQueue(ID, L1, OPERATOR))
                    .expectException(refused(Reason.NOT_ALLOWED, "a OPERATOR may not take tickets from a queue"));
        }

        @Test
        void clientMayNotTakeFromAQueue() {
            fixture.given(opened())
                    .when(new TakeFromQueue(ID, L1, ACME))
                    .expectException(refused(Reason.NOT_ALLOWED, "a CLIENT may not take tickets from a queue"));
        }

        @Test
        void assignmentRecordedBeforeTakeNextExistedReadsAsDirect() throws Exception {
            TicketAssigned stored = new ObjectMapper().findAndRegisterModules().readValue("""
                    {"ticketId":"%s","engineer":"ana","previousEngineer":null,"level":"L1"}""".formatted(ID),
                    TicketAssigned.class);

            assertThat(stored).isEqualTo(assigned("ana", null, L1));
            assertThat(stored.via()).isEqualTo(AssignedVia.DIRECT);
        }
    }

    @Nested
    class PersonalDataNotes {

        @Test
        void operatorMarksANoteAsTheReportersPersonalData() {
            fixture.given(opened())
                    .when(new AddNote(ID, "Marta's home number is 4555-0101", Visibility.INTERNAL, OPERATOR, null, true))
                    .expectEvents(new NoteAdded(ID, "Marta's home number is 4555-0101", Visibility.INTERNAL,
                            "marta@acme.example"));
        }

        @Test
        void theNoteIsTheSubjectsWhoeverTypedTheAddress() {
            fixture.given(new TicketOpened(ID, NUMBER, "acme", new Reporter("Marta", " Marta@ACME.example ", null),
                            null, "VPN down", "Nobody can connect", null, null, TicketType.INCIDENT, Priority.HIGH,
                            Channel.PHONE))
                    .when(new AddNote(ID, "lives in Rosario", Visibility.INTERNAL, OPERATOR, null, true))
                    .expectEvents(new NoteAdded(ID, "lives in Rosario", Visibility.INTERNAL, "marta@acme.example"));
        }

        @Test
        void engineerMayNotMarkANoteAsPersonalData() {
            fixture.given(opened())
                    .when(new AddNote(ID, "her mobile is 15-5555", Visibility.INTERNAL, ANA, null, true))
                    .expectException(refused(Reason.NOT_ALLOWED, "may not mark a note as the reporter's personal"));
        }

        @Test
        void clientMayNotMarkANoteAsPersonalData() {
            fixture.given(opened())
                    .when(new AddNote(ID, "my address", Visibility.PUBLIC, ACME, null, true))
                    .expectException(refused(Reason.NOT_ALLOWED, "only an OPERATOR does"));
        }

        @Test
        void aNoteCannotBeMarkedAsTheDataOfAnErasedReporter() {
            fixture.given(new TicketOpened(ID, NUMBER, "acme", new Reporter("[erased]", "[erased]", null), null,
                            "VPN down", "Nobody can connect", null, null, TicketType.INCIDENT, Priority.HIGH,
                            Channel.PHONE))
                    .when(new AddNote(ID, "her address", Visibility.INTERNAL, OPERATOR, null, true))
                    .expectException(refused(Reason.INVALID_TRANSITION, "personal data was erased"));
        }
    }

    /**
     * docs/domain.md, "SLA policies": a ticket is measured all its life by the version of its contract's policy in
     * force when it was opened; a later version touches only tickets opened after it.
     */
    @Nested
    class PolicyVersions {

        static final MarkPendingClosure MARK = new MarkPendingClosure(ID, "gateway restarted", ANA, null);

        /** Version 1 of standard waits five business days and keeps tickets reopenable for 30 days; version 2, 3 h and 7 days. */
        final SlaPolicies twoVersions = (name, version) -> switch (name + " v" + version) {
            case "standard v1" -> withClosure("5d", Duration.ofDays(30));
            case "standard v2" -> withClosure("3h", Duration.ofDays(7));
            default -> throw new IllegalStateException("the ledger has no version " + version + " of " + name);
        };

        void withVersions(ClientRegister clients) {
            fixture = new AggregateTestFixture<>(Ticket.class);
            fixture.registerInjectableResource(twoVersions);
            fixture.registerInjectableResource(clients);
        }

        static TicketOpened openedUnder(String policy, Integer version) {
            TicketOpened opened = opened();
            return new TicketOpened(ID, NUMBER, opened.clientId(), opened.reporter(), opened.affectedService(),
                    opened.title(), opened.description(), opened.affectedUsers(), opened.occurredAt(), opened.type(),
                    opened.priority(), opened.channel(), null, policy, version);
        }

        @Test
        void openingIsStampedWithTheVersionOfTheContractsPolicyInForce() {
            useClients(register(new ClientRegister.Terms("acme", BUENOS_AIRES, new ClientRegister.Contract(
                    IN_FORCE.from(), IN_FORCE.to(), "premium", 3, false, null), List.of())));
            fixture.givenNoPriorActivity()
                    .when(open("acme", OPERATOR))
                    .expectEvents(openedUnder("premium", 3));
        }

        @Test
        void contractNamingAPolicyTheLedgerDoesNotHaveOpensNothing() {
            useClients(register(new ClientRegister.Terms("acme", BUENOS_AIRES, new ClientRegister.Contract(
                    IN_FORCE.from(), IN_FORCE.to(), "gold", null, false, null), List.of())));
            fixture.givenNoPriorActivity()
                    .when(open("acme", OPERATOR))
                    .expectException(refused(Reason.NOT_ENTITLED, "names SLA policy gold, which the ledger does not"))
                    .expectNoEvents();
        }

        @Test
        void ticketOpenedUnderVersionOneKeepsItsAcceptancePeriodAfterVersionTwo() {
            withVersions(CLIENTS);
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(openedUnder("standard", 1), assigned("ana", null, L1))
                    .when(MARK)
                    .expectEvents(pending("gateway restarted"))
                    .expectScheduledDeadline(AUTO_ACCEPT_AT, new AutoAcceptanceDue(ID, AUTO_ACCEPT_AT));
        }

        @Test
        void ticketOpenedUnderVersionTwoWaitsVersionTwosPeriod() {
            withVersions(CLIENTS);
            Instant acceptAt = Instant.parse("2026-11-24T18:00:00Z"); // Tuesday 12:00 + 3 business hours
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(openedUnder("standard", 2), assigned("ana", null, L1))
                    .when(MARK)
                    .expectEvents(new TicketPendingClosure(ID, "gateway restarted", acceptAt, TUESDAY_NOON))
                    .expectScheduledDeadline(acceptAt, new AutoAcceptanceDue(ID, acceptAt));
        }

        @Test
        void openingWrittenBeforePoliciesWereKeptIsMeasuredByVersionOneOfStandard() {
            withVersions(CLIENTS);
            fixture.givenCurrentTime(TUESDAY_NOON)
                    .andGiven(openedUnder(null, null), assigned("ana", null, L1))
                    .when(MARK)
                    .expectEvents(pending("gateway restarted"));
        }

        @Test
        void ticketOpenedUnderVersionOneMayBeReopenedForVersionOnesThirtyDays() {
            withVersions(CLIENTS);
            fixture.givenCurrentTime(CLOSED_AT)
                    .andGiven(openedUnder("standard", 1), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new ReopenTicket(ID, "it came back", CLOSED_AT.plus(Duration.ofDays(20)), ACME, null))
                    .expectEvents(new TicketReopened(ID, "it came back", TicketStatus.CLOSED, "ana"));
        }

        @Test
        void ticketOpenedUnderVersionTwoMayBeReopenedOnlyForVersionTwosSevenDays() {
            withVersions(CLIENTS);
            fixture.givenCurrentTime(CLOSED_AT)
                    .andGiven(openedUnder("standard", 2), assigned("ana", null, L1), PENDING, ACCEPTED)
                    .when(new ReopenTicket(ID, "it came back", CLOSED_AT.plus(Duration.ofDays(8)), ACME, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "could be reopened until 2026-11-09"))
                    .expectNoEvents();
        }
    }
}
