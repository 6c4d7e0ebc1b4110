package com.ticketledger.query.status;

import com.ticketledger.events.Channel;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.query.policy.SlaPolicies;
import com.ticketledger.sla.SlaArbitraries;
import com.ticketledger.sla.SlaFixtures;
import com.ticketledger.sla.SlaPolicy;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reclassification gives the ticket its new priority's targets measured from the opening (docs/domain.md):
 * through {@link StatusEvolution}, the clocks of a reclassified ticket are those of the same ticket opened with
 * the new priority, whatever pending closures and reopenings it went through, paused or running; the update
 * (keep-in-loop) clock included, its windows judged again.
 */
class ReclassificationLawsTest {

    static final SlaPolicy POLICY = SlaFixtures.domainPolicy();
    static final StatusEvolution EVOLUTION = new StatusEvolution(SlaPolicies.only(POLICY));
    static final UUID ID = UUID.fromString("6f1c1a40-0000-4000-8000-0000000000aa");

    @Provide
    Arbitrary<Instant> instants() {
        return SlaArbitraries.instants();
    }

    @Provide
    Arbitrary<List<Duration>> gaps() {
        return SlaArbitraries.amountsOrZero().list().ofMaxSize(6);
    }

    @Property
    void reclassifiedTicketHasTheClocksOfOneOpenedWithTheNewPriority(@ForAll Priority from, @ForAll Priority to,
            @ForAll("instants") Instant opened, @ForAll("gaps") List<Duration> gaps,
            @ForAll("amountsOrZero") Duration untilReclassified) {
        StatusRow reclassified = reclassify(life(from, opened, gaps), to, untilReclassified);
        assertThat(clocks(reclassified)).isEqualTo(clocks(life(to, opened, gaps)));
        assertThat(reclassified.status()).isEqualTo(life(from, opened, gaps).status());
    }

    @Property
    void reclassifyingThereAndBackRestoresEveryClock(@ForAll Priority from, @ForAll Priority to,
            @ForAll("instants") Instant opened, @ForAll("gaps") List<Duration> gaps,
            @ForAll("amountsOrZero") Duration untilReclassified) {
        StatusRow before = life(from, opened, gaps);
        StatusRow back = reclassify(reclassify(before, to, untilReclassified), from, untilReclassified);
        assertThat(clocks(back)).isEqualTo(clocks(before));
    }

    @Provide
    Arbitrary<Duration> amountsOrZero() {
        return SlaArbitraries.amountsOrZero();
    }

    @Test
    void pendingClosureStaysPausedWithItsConsumedTimeAfterAReclassification() {
        Instant opened = Instant.parse("2026-11-24T12:00:00Z");
        StatusRow paused = life(Priority.LOW, opened, List.of(Duration.ofHours(3)));
        StatusRow reclassified = reclassify(paused, Priority.CRITICAL, Duration.ofHours(1));
        assertThat(reclassified.resolutionRunningSince()).isNull();
        assertThat(reclassified.resolutionConsumed()).isEqualTo(Duration.ofHours(3));
        assertThat(reclassified.resolutionDueAt()).isEqualTo(opened.plus(Duration.ofHours(8)));
        assertThat(reclassified.resolvedAt()).isEqualTo(opened.plus(Duration.ofHours(3)));
    }

    /** Opened, then alternately pending closure and reopened after each gap; the last event sets the state. */
    static StatusRow life(Priority priority, Instant opened, List<Duration> gaps) {
        TicketOpened opening = new TicketOpened(ID, "TCK-000001", "acme", new Reporter("Marta", "m@acme.example", null),
                null, "VPN down", "Nobody can connect", null, null, TicketType.INCIDENT, priority, Channel.PHONE);
        StatusRow row = EVOLUTION.opened(opening, opened, 0, 1);
        Instant at = opened;
        long sequence = 0;
        for (Duration gap : gaps) {
            at = at.plus(gap);
            sequence++;
            TicketEvent event = sequence % 2 == 1 ? new TicketPendingClosure(ID, "fixed")
                    : new TicketReopened(ID, "back", TicketStatus.PENDING_CLOSURE, "ana");
            row = EVOLUTION.apply(row, event, at, sequence, sequence + 1, "ENGINEER");
        }
        return row;
    }

    static StatusRow reclassify(StatusRow row, Priority to, Duration after) {
        TicketReclassified event = new TicketReclassified(ID, row.number(), row.clientId(), row.status(),
                row.priority(), to, row.type(), row.type(), null, null, "wrong priority");
        return EVOLUTION.apply(row, event, row.updatedAt().plus(after), row.version() + 1, row.lastPosition() + 1,
                "OPERATOR");
    }

    static List<Object> clocks(StatusRow row) {
        return Arrays.asList(row.priority(), row.responseAtRiskAt(), row.responseDueAt(), row.resolutionConsumed(),
                row.resolutionRunningSince(), row.resolutionAtRiskAt(), row.resolutionDueAt(), row.resolvedAt(),
                row.resolutionPauses(), row.updateClock());
    }
}
