package com.ticketledger.web.access;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeskPasswordsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int hashOf(String input) throws IOException {
        return DeskPasswords.hash(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void printedHashIsABcryptHashThatMatchesThePasswordAndThatAUsersFileAccepts() throws IOException {
        assertThat(hashOf("correct horse battery staple\n")).isZero();

        String hash = printed();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").hasSize("{bcrypt}".length() + 60);
        assertThat(DeskPasswords.encoder().matches("correct horse battery staple", hash)).isTrue();
        assertThat(DeskUsersTest.load("ledger.security.users: [{name: maria, role: OPERATOR, password-hash: \"" + hash
                + "\"}]").find("maria")).isPresent();
    }

    @Test
    void onlyTheFirstLineIsThePasswordWhateverItsLineEnding() throws IOException {
        assertThat(hashOf("Zaragoza 1987\r\nsecond line\n")).isZero();

        assertThat(DeskPasswords.encoder().matches("Zaragoza 1987", printed())).isTrue();
    }

    @Test
    void noPasswordIsRefusedAndNothingIsPrinted() throws IOException {
        for (String input : List.of("", "\n", "   \n")) {
            assertThat(hashOf(input)).isEqualTo(1);
        }
        assertThat(printed()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no password given");
    }

    @Test
    void passwordLongerThanBcryptReadsIsRefusedRatherThanCut() throws IOException {
        assertThat(hashOf("x".repeat(73) + "\n")).isEqualTo(1);

        assertThat(printed()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("72 bytes");
    }
}
