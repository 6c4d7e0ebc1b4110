package com.ticketledger.store.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * A data subject's reference: HMAC-SHA256 of the normalised e-mail or phone under the ledger's secret
 * 'subject-ref', in hex. It names the subject in the ledger (the erasure's stream, the key table, the
 * projections) without revealing who: without the secret, guessing an address does not find its reference.
 */
public class SubjectRefs {

    static final String SECRET = "subject-ref";

    private final Supplier<byte[]> secret;
    private volatile SecretKeySpec key;

    /** {@code secret} is asked once, at the first reference computed. */
    public SubjectRefs(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    /** The reference of a normalised subject ({@link com.ticketledger.events.DataSubject#of}). */
    public String of(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(secret.get(), "HmacSHA256");
                }
                known = key;
            }
        }
        return known;
    }
}
