package com.ticketledger.store.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key that wraps every subject key and the ledger's secrets at rest (AES-256-GCM): 32 bytes, base64, from
 * {@code LEDGER_MASTER_KEY} ({@code ledger.privacy.master-key}). The embedded default, given none, keeps one in
 * a file of its data directory ({@code ledger.privacy.master-key-file}), generated at the first start.
 */
public final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final String AES = "AES";

    private final SecretKey key;
    private final String id;

    public MasterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes (AES-256), base64; this one has "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, AES);
        this.id = fingerprint(bytes);
    }

    /** A master key from its base64 form. */
    public static MasterKey ofBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key (LEDGER_MASTER_KEY) is not 32 bytes in base64", e);
        }
    }

    /**
     * The configured master key: {@code base64} if given, else the key in {@code file}, generated there (owner
     * read/write only) when it does not exist yet. Two processes starting together keep the same one.
     */
    public static MasterKey configured(String base64, String file) {
        if (base64 != null && !base64.isBlank()) {
            return ofBase64(base64);
        }
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("no master key: set LEDGER_MASTER_KEY to 32 random bytes in base64 "
                    + "(e.g. `openssl rand -base64 32`); it encrypts the keys of the personal data");
        }
        Path path = Path.of(file).toAbsolutePath();
        try {
            if (!Files.exists(path)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.createDirectories(path.getParent());
                try {
                    Files.writeString(path, Base64.getEncoder().encodeToString(bytes) + "\n",
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrict(path);
                    LOG.warn("No LEDGER_MASTER_KEY: generated a master key into {}. It decrypts every subject key: "
                            + "keep it with the database's backups, and set LEDGER_MASTER_KEY outside the embedded "
                            + "default.", path);
                } catch (FileAlreadyExistsException raced) {
                    // The other side generated it first: use theirs.
                }
            } else {
                LOG.info("No LEDGER_MASTER_KEY: using the master key in {}", path);
            }
            return ofBase64(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("the master key file " + path + " could not be read or written", e);
        }
    }

    private static void restrict(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warn("could not make {} readable by its owner only", path);
        }
    }

    SecretKey key() {
        return key;
    }

    /** Names this key without revealing it: the first 8 bytes of its SHA-256, in hex. */
    public String id() {
        return id;
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
