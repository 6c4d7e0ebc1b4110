package com.ticketledger.command.policy;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.command.ticket.CommandRefused.Reason;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.sla.SlaFixtures;
import com.ticketledger.sla.SlaPolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

/** An SLA policy's rules, one behaviour per test: given its versions, when a definition or a change, then. */
class SlaPolicyDefinitionTest {

    static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null, null);
    static final Actor ANA = new Actor("ana", Role.ENGINEER, null, null);
    static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null, null);

    /** docs/domain.md's policy, as the configuration writes version 1 of standard. */
    static final SlaPolicyTerms STANDARD = SlaFixtures.domainPolicy().terms();
    /** The same calendars with HIGH's response halved. */
    static final SlaPolicyTerms FASTER = withHighResponse("2h");

    FixtureConfiguration<SlaPolicyDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SlaPolicyDefinition.class);
    }

    static SlaPolicyTerms withHighResponse(String response) {
        Map<Priority, SlaPolicyTerms.Targets> priorities = new EnumMap<>(STANDARD.priorities());
        SlaPolicyTerms.Targets high = priorities.get(Priority.HIGH);
        priorities.put(Priority.HIGH, new SlaPolicyTerms.Targets(response, high.outOfHoursResponse(),
                high.resolution(), high.update(), high.calendar()));
        return new SlaPolicyTerms(STANDARD.officeCalendar(), STANDARD.calendars(), priorities,
                STANDARD.autoAcceptAfter(), STANDARD.reopenWindow(), STANDARD.atRiskPercent());
    }

    static Matcher<CommandRefused> refused(Reason reason, String inMessage) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefused refusal) {
                return refusal.reason() == reason && refusal.getMessage().contains(inMessage);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused for " + reason + " saying '" + inMessage + "'");
            }
        };
    }

    @Test
    void operatorDefinesAPolicyAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DefinePolicy("standard", STANDARD, "the desk's table", OPERATOR))
                .expectEvents(new SlaPolicyDefined("standard", 1, STANDARD, "the desk's table"))
                .expectResultMessagePayload(new PolicyVersion("standard", 1));
    }

    @Test
    void aNameDefinedAlreadyIsNotDefinedAgain() {
        fixture.given(new SlaPolicyDefined("standard", 1, STANDARD, null))
                .when(new DefinePolicy("standard", FASTER, null, OPERATOR))
                .expectException(refused(Reason.POLICY_EXISTS, "SLA policy standard exists already (version 1)"))
                .expectNoEvents();
    }

    @Test
    void eachChangeIsTheNextVersion() {
        fixture.given(new SlaPolicyDefined("standard", 1, STANDARD, null),
                        new SlaPolicyDefined("standard", 2, FASTER, "faster HIGH response"))
                .when(new RevisePolicy("standard", STANDARD, "back to the table", OPERATOR, null))
                .expectEvents(new SlaPolicyDefined("standard", 3, STANDARD, "back to the table"))
                .expectResultMessagePayload(new PolicyVersion("standard", 3));
    }

    @Test
    void changeNamingAnOlderVersionIsRefused() {
        fixture.given(new SlaPolicyDefined("standard", 1, STANDARD, null),
                        new SlaPolicyDefined("standard", 2, FASTER, null))
                .when(new RevisePolicy("standard", STANDARD, null, OPERATOR, 1))
                .expectException(refused(Reason.STALE_VERSION, "is at version 2, not at version 1"))
                .expectNoEvents();
    }

    @Test
    void onlyAnOperatorDefinesOrChangesPolicies() {
        fixture.givenNoPriorActivity()
                .when(new DefinePolicy("standard", STANDARD, null, ANA))
                .expectException(refused(Reason.NOT_ALLOWED, "may not define or change SLA policies"))
                .expectNoEvents();
        setUp();
        fixture.given(new SlaPolicyDefined("standard", 1, STANDARD, null))
                .when(new RevisePolicy("standard", FASTER, null, AUDITOR, null))
                .expectException(refused(Reason.NOT_ALLOWED, "may not define or change SLA policies"))
                .expectNoEvents();
    }

    @Test
    void termsThatDoNotAddUpWriteNothing() {
        fixture.given(new SlaPolicyDefined("standard", 1, STANDARD, null))
                .when(new RevisePolicy("standard", withHighResponse("0h"), null, OPERATOR, null))
                .expectException(SlaPolicy.PolicyDoesNotAddUp.class)
                .expectNoEvents();
    }
}
