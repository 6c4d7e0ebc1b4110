package com.ticketledger.web.access;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the desk's passwords are hashed: Spring Security's delegating encoder, so that a hash names its algorithm
 * ({@code {bcrypt}$2a$10$...}) as {@code ledger.security.users} wants it. Run as a program ({@code ./ledger
 * hash-password}), it reads a password from the first line of standard input and prints its hash, for a users
 * file outside the embedded default.
 */
public final class DeskPasswords {

    private DeskPasswords() {
    }

    /** A {@code {bcrypt}} hash as Spring Security's bcrypt encoder accepts it; group 1 is its cost. */
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");

    /** The cost of a well-formed {@code {bcrypt}} hash; empty for any other hash, or one that is not well formed. */
    static OptionalInt bcryptCost(String passwordHash) {
        Matcher bcrypt = BCRYPT.matcher(passwordHash == null ? "" : passwordHash);
        return bcrypt.matches() ? OptionalInt.of(Integer.parseInt(bcrypt.group(1))) : OptionalInt.empty();
    }

    public static PasswordEncoder encoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    public static void main(String[] args) throws IOException {
        System.exit(hash(System.in, System.out, System.err));
    }

    /** Prints the hash of the first line of {@code in}; answers the exit status (0, or 1 with the reason). */
    static int hash(InputStream in, PrintStream out, PrintStream err) throws IOException {
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isBlank()) {
            err.println("hash-password: no password given (type it when asked, or send it as one line on stdin)");
            return 1;
        }
        try {
            out.println(encoder().encode(password));
            return 0;
        } catch (IllegalArgumentException tooLong) {
            // bcrypt reads at most 72 bytes; Spring Security refuses longer passwords rather than cut them.
            err.println("hash-password: " + tooLong.getMessage());
            return 1;
        }
    }
}
