package com.ticketledger.query.pages;

import com.ticketledger.sla.ClosureProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a page needs before its user logs in: where the command side is, and the desk's acceptance period. */
@RestController
class PagesController {

    /**
     * @param commandBaseUrl  the origin the pages send commands to, without a trailing slash
     * @param autoAcceptAfter {@code ledger.closure.auto-accept-after} as written ({@code 5d}), which the pages say in
     *                        their language when they show an automatic acceptance
     */
    record PagesConfig(String commandBaseUrl, String autoAcceptAfter) {
    }

    private final PagesConfig config;

    PagesController(PagesProperties properties, ClosureProperties closure) {
        this.config = new PagesConfig(properties.commandOrigin(), closure.autoAcceptAfter().toString());
    }

    @GetMapping(path = "/ui/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    PagesConfig config() {
        return config;
    }
}
