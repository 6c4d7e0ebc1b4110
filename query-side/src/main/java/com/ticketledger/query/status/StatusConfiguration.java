package com.ticketledger.query.status;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    /** The status projection's own table, which the desk's reads read ({@code report_ticket} is the reports' own). */
    @Bean
    StatusRows ticketStatusRows(NamedParameterJdbcTemplate jdbc) {
        return new StatusRows(jdbc, "ticket_status");
    }
}
