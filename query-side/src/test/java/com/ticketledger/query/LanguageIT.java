package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads' problems in Spanish (es-AR) and in English: the words follow Accept-Language, the types, statuses
 * and field names never change, and Content-Language says which language was chosen.
 */
class LanguageIT extends QuerySideIT {

    static final String SPANISH = "es-AR";
    static final String ENGLISH = "en";

    static void sameProblemInBothLanguages(Answer spanish, Answer english) {
        assertThat(spanish.status()).isEqualTo(english.status());
        assertThat(spanish.contentType()).startsWith("application/problem+json");
        assertThat(spanish.json().get("type")).isEqualTo(english.json().get("type"));
        assertThat(spanish.json().get("status")).isEqualTo(english.json().get("status"));
        assertThat(spanish.response().headers().firstValue("Content-Language")).contains(SPANISH);
        assertThat(english.response().headers().firstValue("Content-Language")).contains(ENGLISH);
    }

    @Test
    void aMissingTicketIsNotFoundInEitherLanguage() {
        UUID ticket = UUID.randomUUID();
        Answer spanish = get("operator", "/api/tickets/" + ticket, "Accept-Language", SPANISH);
        Answer english = get("operator", "/api/tickets/" + ticket, "Accept-Language", ENGLISH);

        sameProblemInBothLanguages(spanish, english);
        assertThat(spanish.status()).isEqualTo(404);
        assertThat(spanish.json().get("title").asText()).isEqualTo("No encontrado");
        assertThat(spanish.json().get("detail").asText()).isEqualTo("no existe el ticket " + ticket);
        assertThat(english.json().get("title").asText()).isEqualTo("Not Found");
        assertThat(english.json().get("detail").asText()).isEqualTo("no ticket " + ticket);
    }

    @Test
    void aBadParameterKeepsItsNameAndIsExplainedInTheReadersLanguage() {
        Answer spanish = get("operator", "/api/tickets?limit=0", "Accept-Language", SPANISH);
        Answer english = get("operator", "/api/tickets?limit=0", "Accept-Language", ENGLISH);

        sameProblemInBothLanguages(spanish, english);
        JsonNode es = spanish.json().get("errors").get(0);
        JsonNode en = english.json().get("errors").get(0);
        assertThat(es.get("field")).isEqualTo(en.get("field"));
        assertThat(es.get("message").asText()).isEqualTo("debe estar entre 1 y 200");
        assertThat(en.get("message").asText()).isEqualTo("must be between 1 and 200");
        assertThat(spanish.json().get("detail").asText()).isEqualTo("campo inválido: limit");
    }

    @Test
    void aReadThatWaitsInVainSaysSoInTheReadersLanguage() {
        Answer spanish = get("operator", "/api/tickets?minPosition=999999999", "Accept-Language", SPANISH);
        assertThat(spanish.status()).isEqualTo(503);
        assertThat(spanish.json().get("title").asText()).isEqualTo("Servicio no disponible");
        assertThat(spanish.json().get("detail").asText()).startsWith("la proyección ticket-status no llegó a la posición 999999999 en ");
    }

    @Test
    void theLoginProblemOfThePagesIsInTheReadersLanguage() {
        Answer spanish = get(null, "/api/me", "Accept-Language", SPANISH, "X-Requested-With", "XMLHttpRequest");
        Answer english = get(null, "/api/me", "Accept-Language", ENGLISH, "X-Requested-With", "XMLHttpRequest");

        sameProblemInBothLanguages(spanish, english);
        assertThat(spanish.status()).isEqualTo(401);
        assertThat(spanish.json().get("title").asText()).isEqualTo("No autenticado");
        assertThat(english.json().get("title").asText()).isEqualTo("Unauthorized");
    }
}
