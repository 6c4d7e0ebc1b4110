package com.ticketledger.command.api;

import com.ticketledger.web.openapi.CommittedOpenApiDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's OpenAPI document is the one committed as docs/openapi/command-side.json. */
class OpenApiDocumentIT extends CommandSideIT {

    @Test
    void liveDocumentIsTheCommittedOne() {
        Answer document = get("operator", "/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        CommittedOpenApiDocument.check(document.body(), CommittedOpenApiDocument.file("command-side.json"));
    }
}
