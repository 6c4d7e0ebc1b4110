package com.ticketledger.query.status;

import com.ticketledger.query.QuerySideIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
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
            jdbc.sql(SearchProjection.WRITE)
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
                    .update();
            return jdbc.sql("SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions "
                    + "WHERE funcname = 'ledger_unaccent'").query(Long.class).single();
        });

        assertThat(unaccented).isEqualTo(4);
    }

    private void write(UUID[] tickets, String[] titles, UUID[] noteTickets, Long[] noteSequences, String[] noteTexts) {
        Long[] zeros = new Long[tickets.length];
        Arrays.fill(zeros, 0L);
        String[] clients = new String[tickets.length];
        Arrays.fill(clients, "acme");
        Boolean[] publics = new Boolean[noteTickets.length];
        Arrays.fill(publics, true);
        jdbc.sql(SearchProjection.WRITE)
                .param("tickets", tickets).param("clients", clients).param("positions", zeros)
                .param("sequences", zeros).param("titles", titles).param("descriptions", titles)
                .param("noteTickets", noteTickets).param("noteSequences", noteSequences)
                .param("noteTexts", noteTexts).param("notePublics", publics)
                .update();
    }

    private String document(UUID ticket) {
        return jdbc.sql("SELECT version || ' ' || public_document::text FROM ticket_search WHERE ticket_id = :id")
                .param("id", ticket).query(String.class).single();
    }

    /**
     * One statement writes a batch: a new ticket's opening with its note, and the note of a ticket indexed before,
     * whose opening comes again (a replay) and leaves its row as it was but for the note.
     */
    @Test
    void aBatchsOpeningsAndOtherTicketsNotesAreWrittenByOneStatement() {
        UUID indexed = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        String[] documents = transactionTemplate.execute(tx -> {
            tx.setRollbackOnly();
            write(new UUID[] {indexed}, new String[] {"zyxwq"}, new UUID[0], new Long[0], new String[0]);
            write(new UUID[] {fresh, indexed}, new String[] {"vbnmk", "qwvzx"}, new UUID[] {fresh, indexed},
                    new Long[] {1L, 1L}, new String[] {"plokij", "tgbyhn"});
            return new String[] {document(indexed), document(fresh)};
        });

        assertThat(documents[0]).as("the indexed ticket: its note added, its replayed opening ignored")
                .startsWith("1 ").contains("zyxwq", "tgbyhn").doesNotContain("qwvzx");
        assertThat(documents[1]).as("the new ticket, with its note").startsWith("1 ").contains("vbnmk", "plokij");
    }
}
