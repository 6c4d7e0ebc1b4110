package com.ticketledger.web.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code ledger.web.*}: which web pages, served from another origin, may call this side's {@code /api} from a
 * browser.
 *
 * @param allowedOrigins origins as browsers send them ({@code http://localhost:8081}, no path); none by default,
 *                       so a browser on any other origin is refused
 */
@ConfigurationProperties("ledger.web")
public record CrossOriginProperties(@DefaultValue List<String> allowedOrigins) {
}
