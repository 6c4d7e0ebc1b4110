package com.ticketledger.query;

import com.ticketledger.events.TicketOpened;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append that commits after a later one (a gap the processors pass and come back to) is projected with
 * its own position, not the position its streaming token stands at, and nothing is lost or collides.
 */
class GapFillingIT extends QuerySideIT {

    @Test
    void eventCommittedAfterALaterOneKeepsItsOwnPosition() throws Exception {
        TicketOpened slow = Tickets.opened("acme");
        TicketOpened fast = Tickets.opened("acme");
        HeldAppend held = HeldAppend.open(eventStore, transactions, slow, Duration.ofSeconds(30));

        long fastPosition = append(fast, OPERATOR, Instant.now());
        assertThat(getAt("operator", "/api/tickets/" + fast.ticketId(), fastPosition).status()).isEqualTo(200);
        held.commit();
        long slowPosition = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", slow.ticketId().toString()).query(Long.class).single();
        assertThat(slowPosition).as("the slow append took the earlier position").isLessThan(fastPosition);

        awaitProjected("/api/tickets/" + slow.ticketId());
        awaitProjected("/api/tickets/" + slow.ticketId() + "/history");
        assertThat(get("operator", "/api/tickets/" + slow.ticketId() + "/history").json().get(0).get("position")
                .asLong()).isEqualTo(slowPosition);
        assertThat(get("operator", "/api/tickets/" + fast.ticketId() + "/history").json().get(0).get("position")
                .asLong()).isEqualTo(fastPosition);
        assertThat(jdbc.sql("SELECT opened_position FROM ticket_status WHERE ticket_id = :t")
                .param("t", slow.ticketId()).query(Long.class).single()).isEqualTo(slowPosition);
    }

    /** Each projection has its own processor: the gap is filled in each one at its own pace. */
    private void awaitProjected(String path) {
        awaitUntil(path + " answers", Duration.ofSeconds(30), () -> answered(path));
    }

    private boolean answered(String path) {
        var answer = get("operator", path);
        return answer.status() == 200 && !(answer.json().isArray() && answer.json().isEmpty());
    }
}
