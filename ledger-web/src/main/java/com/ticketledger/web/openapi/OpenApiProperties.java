package com.ticketledger.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.openapi.*}: what a side's OpenAPI document says of itself. The server is a fixed setting, not
 * the address a request came in on, so that the document is the same wherever it is generated; by default
 * {@code /}, the root of wherever the document is read from.
 *
 * @param title             the document's title
 * @param description       what the side does, in a few sentences (Markdown)
 * @param version           the API's version (the build's version)
 * @param serverUrl         where the side is reached, as the documentation should name it
 * @param serverDescription which run of the ledger that URL belongs to
 */
@ConfigurationProperties("ledger.openapi")
public record OpenApiProperties(
        @DefaultValue("Ticket ledger") String title,
        @DefaultValue("") String description,
        @DefaultValue("0") String version,
        @DefaultValue("/") String serverUrl,
        @DefaultValue("this side, where this document is served") String serverDescription) {
}
