package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same refused request read in Spanish (es-AR) and in English: the words change with Accept-Language, the
 * codes, fields, statuses and problem types never do, and Content-Language says which language was chosen.
 */
class LanguageIT extends CommandSideIT {

    static final String SPANISH = "es-AR";
    static final String ENGLISH = "en";

    Answer inLanguage(String language, String user, String path, String body) {
        return post(user, path, body, "Accept-Language", language);
    }

    UUID closedTicket() {
        UUID ticket = assignedTicket();
        assertThat(post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"fixed\"}").status())
                .isEqualTo(200);
        assertThat(post("acme-1", "/api/tickets/" + ticket + "/acceptance", null).status()).isEqualTo(200);
        return ticket;
    }

    static void sameProblemInBothLanguages(Answer spanish, Answer english) {
        assertThat(spanish.status()).isEqualTo(english.status());
        assertThat(spanish.contentType()).startsWith("application/problem+json");
        assertThat(spanish.json().get("type")).isEqualTo(english.json().get("type"));
        assertThat(spanish.json().get("status")).isEqualTo(english.json().get("status"));
        assertThat(spanish.header("Content-Language")).contains(SPANISH);
        assertThat(english.header("Content-Language")).contains(ENGLISH);
    }

    @Test
    void aClosedTicketsRefusalIsWordedInTheReadersLanguageWithTheSameCode() {
        UUID ticket = closedTicket();
        String path = "/api/tickets/" + ticket + "/assignment";
        Answer spanish = inLanguage(SPANISH, "operator", path, "{\"engineer\":\"ana\"}");
        Answer english = inLanguage(ENGLISH, "operator", path, "{\"engineer\":\"ana\"}");

        sameProblemInBothLanguages(spanish, english);
        assertThat(spanish.status()).isEqualTo(409);
        assertThat(english.json().get("type").asText()).isEqualTo("urn:ticketledger:problem:invalid-transition");
        String number = english.json().get("detail").asText().split(" ")[1];
        assertThat(english.json().get("title").asText()).isEqualTo("Conflict");
        assertThat(english.json().get("detail").asText())
                .isEqualTo("ticket " + number + " is CLOSED and cannot be assigned; only a reopening is allowed");
        assertThat(spanish.json().get("title").asText()).isEqualTo("Conflicto");
        assertThat(spanish.json().get("detail").asText())
                .isEqualTo("El ticket " + number + " está CERRADO y no se puede asignar; solo se permite reabrirlo");
        assertThat(eventTypes(ticket)).hasSize(4);
    }

    @Test
    void aSkippedLevelNamesTheLevelsInBothLanguages() {
        UUID ticket = assignedTicket();
        String path = "/api/tickets/" + ticket + "/escalation";
        String body = "{\"toLevel\":\"L3\",\"reason\":\"hurry\"}";
        Answer spanish = inLanguage(SPANISH, "ana", path, body);
        Answer english = inLanguage(ENGLISH, "ana", path, body);

        sameProblemInBothLanguages(spanish, english);
        assertThat(english.json().get("detail").asText()).endsWith("is at L1; it can be escalated only to L2, one level at a time");
        assertThat(spanish.json().get("detail").asText()).endsWith("está en L1; solo se puede escalar a L2, de a un nivel por vez");
    }

    @Test
    void aRoleRefusalNamesTheRoleForPeople() {
        Answer spanish = inLanguage(SPANISH, "auditor", "/api/tickets", openBody("acme"));
        Answer english = inLanguage(ENGLISH, "auditor", "/api/tickets", openBody("acme"));

        sameProblemInBothLanguages(spanish, english);
        assertThat(spanish.status()).isEqualTo(403);
        assertThat(spanish.json().get("title").asText()).isEqualTo("Prohibido");
        assertThat(english.json().get("title").asText()).isEqualTo("Forbidden");
    }

    @Test
    void invalidFieldsKeepTheirNamesAndGetTheirMessagesInTheReadersLanguage() {
        String body = openBody("acme").replace("\"HIGH\"", "\"URGENT\"");
        Answer spanish = inLanguage(SPANISH, "operator", "/api/tickets", body);
        Answer english = inLanguage(ENGLISH, "operator", "/api/tickets", body);
        sameProblemInBothLanguages(spanish, english);
        assertThat(spanish.json().get("detail").asText()).isEqualTo("campo inválido: priority");
        assertThat(english.json().get("detail").asText()).isEqualTo("invalid field: priority");
        assertThat(spanish.json().get("errors").get(0).get("message").asText())
                .isEqualTo("debe ser uno de [CRITICAL, HIGH, MEDIUM, LOW]");

        String blank = "{\"clientId\":\"acme\",\"type\":\"INCIDENT\",\"priority\":\"HIGH\",\"title\":\"VPN\\ndown\","
                + "\"description\":\"\",\"reporter\":{\"name\":\"Marta\",\"phone\":\"call me\"}}";
        Answer spanishFields = inLanguage(SPANISH, "operator", "/api/tickets", blank);
        Answer englishFields = inLanguage(ENGLISH, "operator", "/api/tickets", blank);
        sameProblemInBothLanguages(spanishFields, englishFields);
        assertThat(CommandErrorsIT.fields(spanishFields.json())).isEqualTo(CommandErrorsIT.fields(englishFields.json()))
                .containsExactly("description", "reporter.phone", "title");
        assertThat(messages(spanishFields.json())).containsExactly("no debe estar vacío",
                "debe ser un número de teléfono", "debe ser una sola línea sin caracteres de control");
        assertThat(messages(englishFields.json())).containsExactly("must not be blank",
                "must be a phone number", "must be one line without control characters");
        assertThat(spanishFields.json().get("detail").asText())
                .isEqualTo("campos inválidos: description, reporter.phone, title");
    }

    @Test
    void problemsWrittenBeforeSpringMvcAreInTheReadersLanguageToo() {
        Answer spanish = post(null, "/api/tickets", openBody("acme"), "Accept-Language", SPANISH);
        Answer english = post(null, "/api/tickets", openBody("acme"), "Accept-Language", ENGLISH);
        sameProblemInBothLanguages(spanish, english);
        assertThat(spanish.json().get("title").asText()).isEqualTo("No autenticado");
        assertThat(spanish.json().get("detail").asText()).startsWith("inicie sesión con un usuario y una contraseña");
        assertThat(english.json().get("title").asText()).isEqualTo("Unauthorized");

        byte[] large = ("{\"text\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer tooLarge = postBytes("ana", "/api/tickets/" + UUID.randomUUID() + "/notes", large, "application/json",
                "Accept-Language", SPANISH);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("type").asText()).isEqualTo("urn:ticketledger:problem:body-too-large");
        assertThat(tooLarge.json().get("detail").asText()).isEqualTo("el cuerpo de la solicitud supera los 65536 bytes (64 KiB)");
    }

    @Test
    void springsOwnProblemsAreTranslatedToo() {
        Answer spanish = execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
                .header("Authorization", basic("operator", "operator")).header("Accept-Language", SPANISH)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hola")).build());
        assertThat(spanish.status()).isEqualTo(415);
        assertThat(spanish.json().get("title").asText()).isEqualTo("Tipo de contenido no soportado");
        assertThat(spanish.json().get("detail").asText()).isEqualTo("El Content-Type 'text/plain' no está soportado.");
    }

    @Test
    void theLanguageIsChosenAmongEnglishAndSpanishEnglishByDefault() {
        assertThat(languageFor(null)).isEqualTo("en");
        assertThat(languageFor("fr-FR")).isEqualTo("en");
        assertThat(languageFor("es")).isEqualTo("es");
        assertThat(languageFor("es-MX")).isEqualTo("es");
        assertThat(languageFor("es-AR,es;q=0.9,en;q=0.8")).isEqualTo("es-AR");
        assertThat(languageFor("fr, es-AR;q=0.5")).isEqualTo("es-AR");
        assertThat(languageFor("en-US,es;q=0.5")).isEqualTo("en");
        assertThat(languageFor("not a language ,;;q=x")).isEqualTo("en");
    }

    String languageFor(String acceptLanguage) {
        Answer answer = acceptLanguage == null ? post(null, "/api/tickets", "{}")
                : post(null, "/api/tickets", "{}", "Accept-Language", acceptLanguage);
        assertThat(answer.status()).isEqualTo(401);
        return answer.header("Content-Language").orElseThrow();
    }

    static List<String> messages(JsonNode problem) {
        List<String> messages = new ArrayList<>();
        problem.get("errors").forEach(error -> messages.add(error.get("message").asText()));
        return messages;
    }
}
