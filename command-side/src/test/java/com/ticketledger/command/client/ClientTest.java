package com.ticketledger.command.client;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.ClientRegister;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.command.ticket.CommandRefused.Reason;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.Role;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.store.LedgerStreams;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The client register's rules, one behaviour per test: given the client's events, when a command, then. */
class ClientTest {

    static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null, null);
    static final Actor ANA = new Actor("ana", Role.ENGINEER, null, null);
    static final Actor ACME_1 = new Actor("acme-1", Role.CLIENT, "acme", null);
    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2027-12-31");

    static final ClientRegistered REGISTERED = new ClientRegistered("acme", "Acme Corporation", "es-AR",
            "America/Argentina/Buenos_Aires");
    static final ContractSet CONTRACT = new ContractSet("acme", FROM, TO, "standard", true, false, null);
    static final ContactsSet CONTACTS = new ContactsSet("acme", List.of("acme-1", "acme-2"), "Marta Díaz",
            "marta@acme.example", "area.manager@desk.example", List.of());

    FixtureConfiguration<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
    }

    static RegisterClient register(Actor actor) {
        return new RegisterClient("acme", "Acme Corporation", "es-AR", "America/Argentina/Buenos_Aires", actor);
    }

    static SetContract contract(boolean suspended, String reason, Actor actor, Long expectedVersion) {
        return new SetContract("acme", FROM, TO, "standard", true, suspended, reason, actor, expectedVersion);
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
    void operatorRegistersAClient() {
        fixture.givenNoPriorActivity()
                .when(register(OPERATOR))
                .expectEvents(REGISTERED);
    }

    @Test
    void clientIsRegisteredOnce() {
        fixture.given(REGISTERED)
                .when(register(OPERATOR))
                .expectException(refused(Reason.CLIENT_EXISTS, "client acme is registered already"))
                .expectNoEvents();
    }

    @Test
    void onlyAnOperatorRegistersClients() {
        fixture.givenNoPriorActivity()
                .when(register(ANA))
                .expectException(refused(Reason.NOT_ALLOWED, "ENGINEER may not change the client register"))
                .expectNoEvents();
    }

    @Test
    void operatorSetsTheContract() {
        fixture.given(REGISTERED)
                .when(contract(false, null, OPERATOR, 0L))
                .expectEvents(CONTRACT)
                .expectResultMessagePayload(new ClientVersion("acme", 1));
    }

    @Test
    void suspensionCarriesItsReason() {
        fixture.given(REGISTERED, CONTRACT)
                .when(contract(true, "unpaid", OPERATOR, null))
                .expectEvents(new ContractSet("acme", FROM, TO, "standard", true, true, "unpaid"));
    }

    @Test
    void aContractNotSuspendedKeepsNoReason() {
        fixture.given(REGISTERED, CONTRACT)
                .when(contract(false, "paid now", OPERATOR, null))
                .expectEvents(CONTRACT);
    }

    @Test
    void clientMayNotChangeItsOwnContract() {
        fixture.given(REGISTERED)
                .when(contract(false, null, ACME_1, null))
                .expectException(refused(Reason.NOT_ALLOWED, "CLIENT may not change the client register"))
                .expectNoEvents();
    }

    @Test
    void contractAtAStaleVersionIsRefused() {
        fixture.given(REGISTERED, CONTRACT)
                .when(contract(true, "unpaid", OPERATOR, 0L))
                .expectException(refused(Reason.STALE_VERSION, "client acme is at version 1, not at version 0"))
                .expectNoEvents();
    }

    @Test
    void operatorSetsTheContacts() {
        fixture.given(REGISTERED, CONTRACT)
                .when(new SetContacts("acme", List.of("acme-1", "acme-2"), "Marta Díaz", "marta@acme.example",
                        "area.manager@desk.example", List.of(), OPERATOR, 1L))
                .expectEvents(CONTACTS)
                .expectResultMessagePayload(new ClientVersion("acme", 2));
    }

    @Test
    void theRegisterReadsTheClientsTermsFromItsStream() {
        EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        String stream = "client:acme";
        store.publish(new GenericDomainEventMessage<>("Client", stream, 0, REGISTERED),
                new GenericDomainEventMessage<>("Client", stream, 1, CONTRACT),
                new GenericDomainEventMessage<>("Client", stream, 2, CONTACTS),
                new GenericDomainEventMessage<>("Client", stream, 3,
                        new ContractSet("acme", FROM, TO, "standard", true, true, "unpaid")));
        store.publish(new GenericDomainEventMessage<>("SlaPolicyDefinition", "sla-policy:standard", 0,
                new SlaPolicyDefined("standard", 1, null, null)),
                new GenericDomainEventMessage<>("SlaPolicyDefinition", "sla-policy:standard", 1,
                        new SlaPolicyDefined("standard", 2, null, "shorter targets")));
        LedgerClientRegister register = new LedgerClientRegister(LedgerStreams.over(store));

        assertThat(register.find("acme")).contains(new ClientRegister.Terms("acme",
                ZoneId.of("America/Argentina/Buenos_Aires"),
                new ClientRegister.Contract(FROM, TO, "standard", 2, true, "unpaid"), List.of("acme-1", "acme-2")));
        assertThat(register.find("globex")).isEmpty();
    }
}
