package com.ticketledger.query.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * {@code ledger.web.*} on the query side: where the pages send their commands.
 *
 * @param commandBaseUrl the command side's origin as a browser reaches it ({@code LEDGER_WEB_COMMAND_BASE_URL});
 *                       its {@code ledger.web.allowed-origins} must name this side's origin
 */
@ConfigurationProperties("ledger.web")
public record PagesProperties(@DefaultValue("http://localhost:8080") URI commandBaseUrl) {

    public PagesProperties {
        String scheme = commandBaseUrl.getScheme();
        String path = commandBaseUrl.getRawPath();
        if (!("http".equals(scheme) || "https".equals(scheme)) || commandBaseUrl.getHost() == null
                || !(path == null || path.isEmpty() || path.equals("/"))
                || commandBaseUrl.getRawQuery() != null || commandBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("ledger.web.command-base-url must be an origin such as "
                    + "http://localhost:8080 (scheme, host and port only), not " + commandBaseUrl);
        }
    }

    /** The origin without a trailing slash, as pages prefix paths with it and CSP names it. */
    public String commandOrigin() {
        String url = commandBaseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
