package com.ticketledger.query.report;

import com.ticketledger.events.TicketStatus;
import com.ticketledger.query.status.SlaView;
import com.ticketledger.query.status.SlaViewTest;
import com.ticketledger.query.status.StatusRow;
import com.ticketledger.sla.SlaState;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How a report counts the states {@link SlaView#of} decides: a ticket pending closure counts as resolved. */
class ReportCountsTest {

    @Test
    void aTicketPendingClosureInTimeCountsAsMetThoughItsViewSaysPaused() {
        StatusRow pending = SlaViewTest.row(TicketStatus.PENDING_CLOSURE, SlaViewTest.OPENED.plusSeconds(600),
                SlaViewTest.OPENED.plus(Duration.ofHours(5)), 0);
        SlaView view = SlaView.of(pending, SlaViewTest.OPENED.plus(Duration.ofDays(10)));

        assertThat(Reports.asDone(view.resolutionState())).isEqualTo(SlaState.MET);
        assertThat(Reports.asDone(view.updateState())).isEqualTo(SlaState.MET);
    }

    @Property
    void aResolvedTicketsResolutionCountsMetExactlyWhenItWasResolvedByItsDue(@ForAll("resolved") StatusRow row,
            @ForAll("later") Duration readAfter) {
        SlaState counted = Reports.asDone(SlaView.of(row, row.resolvedAt().plus(readAfter)).resolutionState());

        assertThat(counted).isEqualTo(row.resolvedAt().isAfter(row.resolutionDueAt()) ? SlaState.BREACHED
                : SlaState.MET);
    }

    @Property
    void aResolvedTicketsUpdateCountsBreachedExactlyWhenAWindowWasLate(@ForAll("resolved") StatusRow row,
            @ForAll("later") Duration readAfter) {
        SlaState counted = Reports.asDone(SlaView.of(row, row.resolvedAt().plus(readAfter)).updateState());

        assertThat(counted).isEqualTo(row.updateClock().lateWindows() > 0 ? SlaState.BREACHED : SlaState.MET);
    }

    @Provide
    Arbitrary<StatusRow> resolved() {
        return SlaViewTest.resolvedRows();
    }

    @Provide
    Arbitrary<Duration> later() {
        return SlaViewTest.laterDurations();
    }
}
