package com.ticketledger.query;

import com.ticketledger.web.openapi.CommittedOpenApiDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side's OpenAPI document is the one committed as docs/openapi/query-side.json. */
class OpenApiDocumentIT extends QuerySideIT {

    @Test
    void liveDocumentIsTheCommittedOne() {
        Answer document = get("analyst", "/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        CommittedOpenApiDocument.check(document.response().body(), CommittedOpenApiDocument.file("query-side.json"));
    }
}
