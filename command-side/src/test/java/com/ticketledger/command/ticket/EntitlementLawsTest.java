package com.ticketledger.command.ticket;

import com.ticketledger.events.Channel;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.Role;
import com.ticketledger.events.TicketType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The law of entitlement (docs/domain.md, "Clients and contracts"): a ticket is opened exactly when the day of the
 * opening, in the client's time zone, lies within the contract's days (both included) and the contract is not
 * suspended; whatever the zone, the hour, or how the period falls.
 */
class EntitlementLawsTest {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null, null);

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("America/Argentina/Buenos_Aires"), ZoneId.of("UTC"), ZoneId.of("Asia/Tokyo"),
                ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"), ZoneId.of("Europe/Madrid"));
    }

    @Property(tries = 200)
    void aTicketIsOpenedExactlyOnTheContractsDaysInTheClientsZone(@ForAll("zones") ZoneId zone,
            @ForAll @IntRange(min = 0, max = 400) int startDay, @ForAll @IntRange(min = 0, max = 60) int length,
            @ForAll @IntRange(min = 0, max = 500 * 24 * 60) int minute, @ForAll boolean suspended) {
        LocalDate from = LocalDate.parse("2026-01-01").plusDays(startDay);
        LocalDate to = from.plusDays(length);
        Instant at = EPOCH.plus(Duration.ofMinutes(minute));
        LocalDate day = at.atZone(zone).toLocalDate();
        boolean entitled = !suspended && !day.isBefore(from) && !day.isAfter(to);

        ClientRegister register = clientId -> Optional.of(new ClientRegister.Terms(clientId, zone,
                new ClientRegister.Contract(from, to, "standard", 1, suspended, suspended ? "unpaid" : null), List.of()));
        FixtureConfiguration<Ticket> fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource((TicketDirectory) id -> Optional.empty());
        fixture.registerInjectableResource(register);
        OpenTicket open = new OpenTicket(UUID.randomUUID(), "TCK-000001", "acme",
                new Reporter("Marta", "marta@acme.example", null), null, "VPN down", "Nobody can connect", null, null,
                TicketType.INCIDENT, Priority.HIGH, Channel.PHONE, OPERATOR, at);
        if (entitled) {
            fixture.givenNoPriorActivity().when(open).expectSuccessfulHandlerExecution();
        } else {
            fixture.givenNoPriorActivity().when(open).expectException(CommandRefused.class).expectNoEvents();
        }
    }
}
