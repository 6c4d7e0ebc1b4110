package com.ticketledger.store.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.store.LedgerEventSerializer;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

/**
 * Personal data in the ledger (docs/security.md, "Personal data"): the master key, the subjects' keys and
 * references, and Axon's event serializer with {@link PersonalDataModule} on a copy of the application's
 * ObjectMapper, on both sides. Settings: {@code ledger.privacy.master-key} (LEDGER_MASTER_KEY),
 * {@code ledger.privacy.master-key-file} (the embedded default's), {@code ledger.privacy.previous-master-key}
 * (during a rotation), {@code ledger.privacy.key-cache-ttl}, {@code ledger.privacy.encryption} (off: new events
 * hold personal data in the clear; for measuring the cost only).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class,
        after = {JacksonAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class})
public class PrivacyAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    @Bean
    public MasterKey masterKey(@Value("${ledger.privacy.master-key:}") String base64,
            @Value("${ledger.privacy.master-key-file:}") String file) {
        return MasterKey.configured(base64, file);
    }

    @Bean
    public SubjectKeys subjectKeys(JdbcClient jdbc, PlatformTransactionManager transactions, MasterKey masterKey,
            @Value("${ledger.privacy.previous-master-key:}") String previous,
            @Value("${ledger.privacy.key-cache-ttl:30s}") Duration ttl) {
        return new SubjectKeys(jdbc, transactions, masterKey,
                previous.isBlank() ? null : MasterKey.ofBase64(previous), ttl);
    }

    @Bean
    public ErasedSubjects erasedSubjects(JdbcClient jdbc, @Value("${ledger.privacy.key-cache-ttl:30s}") Duration ttl) {
        return new ErasedSubjects(jdbc, ttl);
    }

    @Bean
    public PersonalDataCipher personalDataCipher(SubjectKeys keys, ErasedSubjects erased) {
        return new PersonalDataCipher(keys, new SubjectRefs(() -> keys.secret(SubjectRefs.SECRET)), erased);
    }

    @Bean
    public Subjects subjects(PersonalDataCipher cipher) {
        return new Subjects(cipher);
    }

    /**
     * The serializer of the events' payloads (Axon's own would be the same JacksonSerializer on the application's
     * ObjectMapper): the personal data module on a copy, so that the web's JSON is not encrypted; what reading the
     * ledger's events costs cut as {@link LedgerEventSerializer} says.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
            PersonalDataCipher cipher, @Value("${ledger.privacy.encryption:true}") boolean encrypt) {
        if (!encrypt) {
            LOG.warn("ledger.privacy.encryption is off: new events hold personal data in the clear, and an erasure"
                    + " cannot reach it in the ledger");
        }
        return LedgerEventSerializer.of(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .objectMapper(objectMapper.copy().registerModule(new PersonalDataModule(cipher, encrypt))));
    }
}
