package com.ticketledger.query.pages;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesPropertiesTest {

    @Test
    void theCommandSideIsNamedByItsOriginWithoutATrailingSlash() {
        assertThat(new PagesProperties(URI.create("http://localhost:9180/")).commandOrigin())
                .isEqualTo("http://localhost:9180");
        assertThat(new PagesProperties(URI.create("https://commands.desk.example")).commandOrigin())
                .isEqualTo("https://commands.desk.example");
    }

    @Test
    void anythingButAnHttpOriginIsRefusedAtStart() {
        for (String wrong : new String[] {"localhost:8080", "/api", "javascript:alert(1)", "ftp://host",
                "http://localhost:8080/api", "http://localhost:8080?x=1", "http://localhost:8080#top"}) {
            assertThatThrownBy(() -> new PagesProperties(URI.create(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ledger.web.command-base-url");
        }
    }
}
