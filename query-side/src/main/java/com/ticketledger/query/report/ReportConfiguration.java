package com.ticketledger.query.report;

import com.ticketledger.query.status.StatusRows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    static final String REPORT_ROWS = "reportRows";

    @Bean(REPORT_ROWS)
    StatusRows reportRows(NamedParameterJdbcTemplate jdbc) {
        return new StatusRows(jdbc, "report_ticket");
    }
}
