package com.ticketledger.query.status;

import com.ticketledger.query.QuerySideIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The search projection's statements, as PostgreSQL runs them. */
class SearchStatementsIT extends QuerySideIT {

    @Autowired
    private TransactionTemplate transactionTemplate;

    /**
     * Counted by PostgreSQL in a transaction of the test's own, rolled back: the accents are taken off each text
     * once per reading of it (Spanish, English), for the title and the description, however many documents start
     * from them.
     */
    @Test
    void anOpeningsDocumentIsMadeOnceThoughBothDocumentsStartFromIt() {
        Long unaccented = transactionTemplate.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("SET LOCAL track_functions = 'all'").update();
            jdbc.sql(SearchProjection.OPENINGS)
                    .param("tickets", new UUID[] {UUID.randomUUID()})
                    .param("clients", new String[] {"acme"})
                    .param("positions", new Long[] {Long.MAX_VALUE - 1})
                    .param("sequences", new Long[] {0L})
                    .param("titles", new String[] {"Printer on fire"})
                    .param("descriptions", new String[] {"It smokes"})
                    .param("noteTickets", new UUID[0])
                    .param("noteSequences", new Long[0])
                    .param("noteTexts", new String[0])
                    .param("notePublics", new Boolean[0])
                    .query(UUID.class).list();
            return jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions "
                    + "WHERE funcname = 'ledger_unaccent'").query(Long.class).single();
        });

        assertThat(unaccented).isEqualTo(4);
    }
}
