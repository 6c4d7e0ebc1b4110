package com.ticketledger.query.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs checkpoints (the JDK's own implementation, nothing more). From
 * {@code ledger.checkpoint.key} (LEDGER_CHECKPOINT_KEY, PKCS#8 base64 or PEM) or from the key file, which is
 * created with a new key when missing. No key at all stops the start: checkpoints signed by a key nobody kept
 * would prove nothing.
 */
public final class CheckpointKey {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKey.class);
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static CheckpointKey from(CheckpointProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return of(decode(properties.key()));
        }
        if (properties.keyFile() == null) {
            throw new IllegalStateException("no checkpoint signing key: set LEDGER_CHECKPOINT_KEY to an Ed25519 key"
                    + " (PKCS#8, base64: openssl genpkey -algorithm ed25519 -outform DER | base64 -w0), or"
                    + " ledger.checkpoint.key-file to a file that holds one or may be created");
        }
        Path file = properties.keyFile().toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return of(decode(Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint key " + file, e);
        }
    }

    /** Writes a new key to {@code file} unless another instance got there first (then that one's is used). */
    private static void generate(Path file) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 has Ed25519", e);
        }
        Files.createDirectories(file.getParent());
        Path draft = Files.createTempFile(file.getParent(), ".checkpoint-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions are what protects it.
            }
            Files.writeString(draft, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("Generated a new checkpoint signing key in {}: every checkpoint from now on is signed with it."
                    + " Keep it (and back it up) as long as the ledger; set LEDGER_CHECKPOINT_KEY in production.",
                    file);
        } catch (FileAlreadyExistsException another) {
            LOG.info("Another instance created the checkpoint key {} first; using it", file);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    static CheckpointKey of(byte[] pkcs8) {
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new CheckpointKey(privateKey, publicKeyOf(privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint key is not an Ed25519 private key in PKCS#8", e);
        }
    }

    /**
     * The JDK's API derives no public key from a private one, but its key pair generator computes the public
     * half from the 32 random bytes it draws as the private key (RFC 8032 §5.1.5): given those bytes as its
     * randomness, it answers the pair of which this private key is one half.
     */
    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new InvalidKeyException("the private key's bytes are not readable"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    byte[] sign(byte[] text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(text);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** Whether {@code signature} is this key's over {@code text}; Ed25519 verification needs only the public key. */
    static boolean verify(PublicKey key, byte[] text, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(byte[] subjectPublicKeyInfo) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo)", e);
        }
    }

    /** Base64 of DER, with or without PEM's armour lines. */
    static byte[] decode(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
