package com.ticketledger.command.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log-in over HTTP Basic resists guessing: a wrong password costs one password check whether the user exists
 * or not and gets the same answer, and repeated failures are answered 429 without checking the password.
 */
@TestPropertySource(properties = {
        "ledger.security.login-limits.failures-per-user=3",
        "ledger.security.login-limits.failures-per-address=20",
        "ledger.security.login-limits.window=15m"})
class LogInIT extends CommandSideIT {

    @TestConfiguration
    static class CountedPasswordChecks {

        static final AtomicInteger CHECKS = new AtomicInteger();

        @Bean
        @Primary
        PasswordEncoder countingPasswordEncoder() {
            PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return real.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    CHECKS.incrementAndGet();
                    return real.matches(raw, encoded);
                }
            };
        }
    }

    @BeforeEach
    void countFromZero() {
        CountedPasswordChecks.CHECKS.set(0);
    }

    Answer getAs(String user, String password) {
        return execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user, password)).build());
    }

    @Test
    void aWrongPasswordCostsOneCheckAndGetsTheSameAnswerWhetherTheUserExistsOrNot() {
        Answer unknown = getAs("nobody-by-this-name", "guess");
        assertThat(CountedPasswordChecks.CHECKS).as("checks for an unknown user").hasValue(1);

        Answer known = getAs("carla", "guess");
        assertThat(CountedPasswordChecks.CHECKS).as("checks for a known user").hasValue(2);

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(known.status()).isEqualTo(401);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(known.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
    }

    @Test
    void repeatedFailuresForOneUserAreAnswered429WithoutCheckingThePasswordWhileOthersLogIn() {
        for (int i = 0; i < 3; i++) {
            assertThat(getAs("bruno", "guess-" + i).status()).isEqualTo(401);
        }
        int checks = CountedPasswordChecks.CHECKS.get();

        Answer throttled = getAs("bruno", "bruno");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.json().get("type").asText()).isEqualTo("urn:ticketledger:problem:too-many-log-ins");
        assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isBetween(1L, 300L);
        assertThat(CountedPasswordChecks.CHECKS).as("the password was not checked").hasValue(checks);

        assertThat(getAs("ana", "ana").status()).as("another user logs in").isEqualTo(400);
    }

    @Test
    void thePagesLogInFormCountsFailuresAgainstTheSameLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(logInForm("acme-2", "guess-" + i).status()).isEqualTo(401);
        }

        Answer throttled = logInForm("acme-2", "acme-2");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("type").asText()).isEqualTo("urn:ticketledger:problem:too-many-log-ins");
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(throttled.header("Set-Cookie")).as("no session for a throttled log-in").isEmpty();
    }

    Answer logInForm(String user, String password) {
        return execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build());
    }
}
