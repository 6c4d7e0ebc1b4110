package com.ticketledger.query.pages;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a page needs before its user logs in: where the command side is. */
@RestController
class PagesController {

    /** @param commandBaseUrl the origin the pages send commands to, without a trailing slash */
    record PagesConfig(String commandBaseUrl) {
    }

    private final PagesConfig config;

    PagesController(PagesProperties properties) {
        this.config = new PagesConfig(properties.commandOrigin());
    }

    @GetMapping(path = "/ui/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    PagesConfig config() {
        return config;
    }
}
