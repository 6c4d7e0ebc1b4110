package com.ticketledger.web.access;

import com.ticketledger.events.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The users a side starts with, read from a users file as Spring Boot binds it. */
class DeskUsersTest {

    /** The users file the README has an operator copy (the tests run in the module's directory). */
    static final Path EXAMPLE = Path.of("..", "config", "users.example.yml");
    static final String PLACEHOLDER = "{bcrypt}REPLACE-WITH-THE-OUTPUT-OF-ledger-hash-password";

    static DeskUsers load(Resource usersFile) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("users", usersFile);
        return new DeskUsers(new Binder(ConfigurationPropertySources.from(sources))
                .bind("ledger.security", AccessProperties.class).get());
    }

    static DeskUsers load(String usersFile) throws IOException {
        return load(new ByteArrayResource(usersFile.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void exampleUsersFileIsRefusedWhileItsPlaceholdersAreLeft() {
        assertThatThrownBy(() -> load(new FileSystemResource(EXAMPLE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user maria.operator has no real bcrypt hash; put the output of ./ledger hash-password there");
    }

    @Test
    void exampleUsersFileWithHashesInPlaceOfThePlaceholdersGivesEveryoneTheirRole() throws IOException {
        String hash = DeskPasswords.encoder().encode("a long passphrase");

        DeskUsers users = load(Files.readString(EXAMPLE).replace(PLACEHOLDER, hash));

        assertThat(users.all()).extracting(DeskUser::name, DeskUser::role).containsExactly(
                tuple("maria.operator", Role.OPERATOR), tuple("lucas.engineer", Role.ENGINEER),
                tuple("contador.acme", Role.CLIENT), tuple("auditoria", Role.AUDITOR));
        assertThat(DeskPasswords.encoder().matches("a long passphrase",
                users.find("lucas.engineer").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void nobodyMayLogInAsTheLedgerItself() {
        String hash = DeskPasswords.encoder().encode("s3cret");

        assertThatThrownBy(() -> load("""
                ledger.security.users:
                  - { name: System, role: OPERATOR, password-hash: "%s" }
                """.formatted(hash)))
                .hasMessage("user System is the ledger's own name for what it does by itself; give the person another"
                        + " name");
    }

    @Test
    void bcryptHashCutShortIsRefused() {
        String hash = DeskPasswords.encoder().encode("s3cret");

        assertThatThrownBy(() -> load("""
                ledger.security.users:
                  - { name: bob, role: OPERATOR, password-hash: "%s" }
                """.formatted(hash.substring(0, hash.length() - 1))))
                .hasMessage("user bob has no real bcrypt hash; put the output of ./ledger hash-password there");
    }
}
