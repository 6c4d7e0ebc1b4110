package com.ticketledger.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The attachments' bytes (table attachment_blob), one row per SHA-256 of the content. The command side keeps
 * them in the transaction of the event that names them; the query side reads them back for a download and for
 * the audit's verification. Rows are never changed: a second keep of the same bytes does nothing.
 */
public class AttachmentBlobs {

    private final JdbcClient jdbc;

    public AttachmentBlobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SHA-256 of {@code content}, as the events and this table write it: 64 lower-case hex digits. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Stores {@code content} under its hash, in the caller's transaction, unless the same bytes are there. */
    public void keep(String sha256, byte[] content) {
        jdbc.sql("""
                        INSERT INTO attachment_blob (sha256, size, content) VALUES (:sha256, :size, :content)
                        ON CONFLICT (sha256) DO NOTHING""")
                .param("sha256", sha256)
                .param("size", (long) content.length)
                .param("content", content)
                .update();
    }

    /** The bytes stored under {@code sha256}, as they are now (the audit checks them against the hash). */
    public Optional<byte[]> find(String sha256) {
        return jdbc.sql("SELECT content FROM attachment_blob WHERE sha256 = :sha256")
                .param("sha256", sha256)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }
}
