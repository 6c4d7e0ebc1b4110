package com.ticketledger.command.recording;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Human-readable ticket numbers, TCK-000001 onwards, from a PostgreSQL sequence: unique and increasing. */
@Component
public class TicketNumbers {

    private final JdbcClient jdbc;

    TicketNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next() {
        long value = jdbc.sql("SELECT nextval('ticket_number_seq')").query(Long.class).single();
        return String.format("TCK-%06d", value);
    }
}
