package com.ticketledger.command.ticket;

import com.ticketledger.command.ticket.CommandRefused.Reason;
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
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
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

    FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(new ReopeningPolicy(Duration.ofDays(30)));
    }

    static OpenTicket open(String clientId, Actor actor) {
        return new OpenTicket(ID, NUMBER, clientId, MARTA, "vpn-gw-01", "VPN down", "Nobody can connect", 40,
                Instant.parse("2026-11-24T08:30:00Z"), TicketType.INCIDENT, Priority.HIGH, Channel.PHONE, actor);
    }

    static TicketOpened opened() {
        return new TicketOpened(ID, NUMBER, "acme", MARTA, "vpn-gw-01", "VPN down", "Nobody can connect", 40,
                Instant.parse("2026-11-24T08:30:00Z"), TicketType.INCIDENT, Priority.HIGH, Channel.PHONE);
    }

    static TicketAssigned assigned(String engineer, String previous, SupportLevel level) {
        return new TicketAssigned(ID, engineer, previous, level);
    }

    static TicketEscalated escalated(SupportLevel from, SupportLevel to, String caseRef, String engineer) {
        return new TicketEscalated(ID, NUMBER, "acme", "VPN down", Priority.HIGH, from, to, "needs a specialist",
                caseRef, engineer);
    }

    static final TicketPendingClosure PENDING = new TicketPendingClosure(ID, "gateway restarted");
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
                                    + "the client's acceptance or a reopening"));
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
            fixture.given(opened(), assigned("ana", null, L1), escalated(L1, L2, null, null),
                            assigned("bruno", null, L2), escalated(L2, L3, null, null), assigned("carla", null, L3),
                            escalated(L3, VENDOR, "TAC-7781", "carla"))
                    .when(new MarkPendingClosure(ID, "vendor patch applied", CARLA, null))
                    .expectEvents(new TicketPendingClosure(ID, "vendor patch applied"));
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
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new MarkPendingClosure(ID, "gateway restarted", ANA, null))
                    .expectEvents(PENDING);
        }

        @Test
        void unassignedTicketCannotBeMarkedPendingClosure() {
            fixture.given(opened())
                    .when(new MarkPendingClosure(ID, "gateway restarted", ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION,
                            "is OPEN and cannot be marked pending closure; allowed now: an assignment or a note"));
        }

        @Test
        void ticketAlreadyPendingClosureCannotBeMarkedAgain() {
            fixture.given(opened(), assigned("ana", null, L1), PENDING)
                    .when(new MarkPendingClosure(ID, "again", ANA, null))
                    .expectException(refused(Reason.INVALID_TRANSITION, "is PENDING_CLOSURE"));
        }

        @Test
        void operatorMayMarkAnAssignedTicketPendingClosure() {
            fixture.given(opened(), assigned("ana", null, L1))
                    .when(new MarkPendingClosure(ID, "gateway restarted", OPERATOR, null))
                    .expectEvents(PENDING);
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
            fixture.given(opened(), assigned("ana", null, L1), PENDING,
                            new TicketReopened(ID, "still failing", TicketStatus.PENDING_CLOSURE, "ana"))
                    .when(new MarkPendingClosure(ID, "replaced the cable", ANA, null))
                    .expectEvents(new TicketPendingClosure(ID, "replaced the cable"));
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
            fixture.registerInjectableResource(new ReopeningPolicy(Duration.ofDays(7)));
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
}
