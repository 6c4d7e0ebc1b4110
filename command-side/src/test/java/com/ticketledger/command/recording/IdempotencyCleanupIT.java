package com.ticketledger.command.recording;

import com.ticketledger.embeddeddb.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency records are deleted once past their retention (24 h), by one instance at a time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class IdempotencyCleanupIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedDatabase.forTests().jdbcUrl());
        registry.add("spring.datasource.username", () -> EmbeddedDatabase.USER);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyRecords records;

    final String user = "cleanup-" + UUID.randomUUID();

    void recordAged(String key, String age) {
        jdbc.sql("""
                        INSERT INTO idempotency_record
                            (user_name, idempotency_key, request_hash, ticket_id, ticket_number, version, created,
                             recorded_at)
                        VALUES (:u, :k, '\\x00', gen_random_uuid(), 'TCK-000000', 0, false,
                                now() - CAST(:age AS interval))""")
                .param("u", user).param("k", key).param("age", age).update();
    }

    List<String> keys() {
        return jdbc.sql("SELECT idempotency_key FROM idempotency_record WHERE user_name = :u ORDER BY idempotency_key")
                .param("u", user).query(String.class).list();
    }

    @BeforeEach
    void nothingExpiredElsewhere() {
        records.deleteExpired();
    }

    @Test
    void deletesTheRecordsPastTheRetentionAndKeepsTheOthers() {
        recordAged("a-25h", "25 hours");
        recordAged("b-24h-and-a-minute", "24 hours 1 minute");
        recordAged("c-23h-59m", "23 hours 59 minutes");
        recordAged("d-fresh", "1 second");

        assertThat(records.deleteExpired()).isEqualTo(2);
        assertThat(keys()).containsExactly("c-23h-59m", "d-fresh");
    }

    @Test
    void instancesCleaningUpAtOnceDeleteEachRecordOnceAndFailNothing() {
        for (int i = 0; i < 500; i++) {
            recordAged("old-" + i, "2 days");
        }
        List<CompletableFuture<Integer>> cleanups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cleanups.add(CompletableFuture.supplyAsync(records::deleteExpired));
        }

        int deleted = cleanups.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(deleted).isEqualTo(500);
        assertThat(keys()).isEmpty();
    }
}
