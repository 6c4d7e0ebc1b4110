package com.ticketledger.store.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The subjects' keys (table subject_key) and the ledger's secrets (ledger_secret), wrapped under the
 * {@link MasterKey}. Reads go through a cache, so that decoding a rebuild's events does not query the table per
 * event; an entry lives {@code ledger.privacy.key-cache-ttl} at most, which bounds how long another instance may
 * still decrypt a subject erased elsewhere (this instance forgets it at once).
 *
 * <p>A new key is stored in a transaction of its own, committed before the event it encrypts: an event whose
 * transaction rolls back leaves an unused key, never an event encrypted under a key that was not kept.
 */
public class SubjectKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final MasterKey master;
    private final MasterKey previous;
    private final Cache<String, Optional<SecretKey>> cache;

    /**
     * @param previous the master key before a rotation, until {@link #rewrap} has re-wrapped its keys; or {@code null}
     */
    public SubjectKeys(JdbcClient jdbc, PlatformTransactionManager transactions, MasterKey master, MasterKey previous,
            Duration ttl) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.master = master;
        this.previous = previous;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    /**
     * The subject's key, or empty when it has none: never had personal data encrypted, or was erased. Loaded
     * outside the cache's lock: a thread decoding events outside a transaction needs a connection of the pool to
     * load it, and must not keep waiting there the threads that hold theirs (a rare double load is harmless).
     */
    public Optional<SecretKey> find(String subjectRef) {
        Optional<SecretKey> cached = cache.getIfPresent(subjectRef);
        if (cached != null) {
            return cached;
        }
        Optional<SecretKey> loaded = load(subjectRef);
        cache.put(subjectRef, loaded);
        return loaded;
    }

    /** The subject's key, created (and committed) now if it has none. */
    public SecretKey findOrCreate(String subjectRef) {
        Optional<SecretKey> known = find(subjectRef);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO subject_key (subject_ref, wrapped_key, master_key_id)
                        VALUES (:ref, :wrapped, :master) ON CONFLICT (subject_ref) DO NOTHING""")
                .param("ref", subjectRef)
                .param("wrapped", AesGcm.seal(master.key(), fresh, keyData(subjectRef)))
                .param("master", master.id())
                .update());
        // Another writer may have stored its key first: theirs is the one.
        Optional<SecretKey> stored = load(subjectRef);
        cache.put(subjectRef, stored);
        return stored.orElseThrow(() -> new IllegalStateException("a subject key was stored and is gone"));
    }

    /**
     * Deletes the subject's key in the caller's transaction (the database's guard lets only a transaction that
     * named the subject delete it); true if there was one. This instance forgets it at once.
     */
    public boolean erase(String subjectRef) {
        jdbc.sql("SELECT set_config('ledger.erasure', :ref, true)").param("ref", subjectRef).query().singleValue();
        int deleted = jdbc.sql("DELETE FROM subject_key WHERE subject_ref = :ref").param("ref", subjectRef).update();
        cache.invalidate(subjectRef);
        return deleted > 0;
    }

    /** Forgets a cached key (an erasure seen in the ledger, made by another instance). */
    public void forget(String subjectRef) {
        cache.invalidate(subjectRef);
    }

    /**
     * Re-wraps, in the caller's transaction, every key and secret wrapped under {@code previous} under the
     * current master key (a rotation); returns how many. The keys themselves, and so every ciphertext, stay.
     */
    public int rewrap(MasterKey previous) {
        jdbc.sql("SELECT set_config('ledger.rewrap', 'on', true)").query().singleValue();
        int count = 0;
        List<Object[]> keys = jdbc.sql("SELECT subject_ref, wrapped_key FROM subject_key WHERE master_key_id = :id")
                .param("id", previous.id()).query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).list();
        for (Object[] row : keys) {
            String ref = (String) row[0];
            byte[] key = unwrap(previous, (byte[]) row[1], keyData(ref));
            count += jdbc.sql("UPDATE subject_key SET wrapped_key = :wrapped, master_key_id = :master "
                            + "WHERE subject_ref = :ref")
                    .param("wrapped", AesGcm.seal(master.key(), key, keyData(ref))).param("master", master.id())
                    .param("ref", ref).update();
        }
        List<Object[]> secrets = jdbc.sql("SELECT name, wrapped FROM ledger_secret WHERE master_key_id = :id")
                .param("id", previous.id()).query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).list();
        for (Object[] row : secrets) {
            String name = (String) row[0];
            byte[] secret = unwrap(previous, (byte[]) row[1], secretData(name));
            count += jdbc.sql("UPDATE ledger_secret SET wrapped = :wrapped, master_key_id = :master WHERE name = :name")
                    .param("wrapped", AesGcm.seal(master.key(), secret, secretData(name)))
                    .param("master", master.id()).param("name", name).update();
        }
        return count;
    }

    /** The ledger's secret of that name (32 random bytes), created (and committed) at its first use. */
    public byte[] secret(String name) {
        ownTransaction.executeWithoutResult(status -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            // Only a writer may insert; the query side's role finds the command side's secret already there.
            if (jdbc.sql("SELECT count(*) FROM ledger_secret WHERE name = :name").param("name", name)
                    .query(Long.class).single() == 0) {
                jdbc.sql("""
                                INSERT INTO ledger_secret (name, wrapped, master_key_id) VALUES (:name, :wrapped, :master)
                                ON CONFLICT (name) DO NOTHING""")
                        .param("name", name).param("wrapped", AesGcm.seal(master.key(), fresh, secretData(name)))
                        .param("master", master.id()).update();
            }
        });
        return jdbc.sql("SELECT wrapped, master_key_id FROM ledger_secret WHERE name = :name").param("name", name)
                .query((rs, n) -> unwrap(wrapper(rs.getString(2)), rs.getBytes(1), secretData(name))).single();
    }

    private Optional<SecretKey> load(String subjectRef) {
        return jdbc.sql("SELECT wrapped_key, master_key_id FROM subject_key WHERE subject_ref = :ref")
                .param("ref", subjectRef)
                .query((rs, n) -> new SecretKeySpec(unwrap(wrapper(rs.getString(2)), rs.getBytes(1),
                        keyData(subjectRef)), "AES"))
                .optional().map(SecretKey.class::cast);
    }

    /** The master key that wrapped a row: the current one, or the previous one while a rotation is under way. */
    private MasterKey wrapper(String masterKeyId) {
        return previous != null && previous.id().equals(masterKeyId) ? previous : master;
    }

    private static byte[] unwrap(MasterKey key, byte[] wrapped, byte[] associatedData) {
        try {
            return AesGcm.open(key.key(), wrapped, associatedData);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a key in the database was not wrapped under master key " + key.id()
                    + ": is LEDGER_MASTER_KEY the one the keys were stored with (or was it rotated without"
                    + " ledger.privacy.previous-master-key)?", e);
        }
    }

    private static byte[] keyData(String subjectRef) {
        return ("subject-key|" + subjectRef).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] secretData(String name) {
        return ("ledger-secret|" + name).getBytes(StandardCharsets.UTF_8);
    }
}
