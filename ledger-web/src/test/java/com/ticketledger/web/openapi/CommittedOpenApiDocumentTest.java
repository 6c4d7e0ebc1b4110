package com.ticketledger.web.openapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommittedOpenApiDocumentTest {

    @TempDir
    Path dir;

    @Test
    void theSameDocumentInAnotherKeyOrderAndLayoutIsTheCommittedOne() throws IOException {
        Path committed = dir.resolve("side.json");
        Files.writeString(committed, "{\n  \"info\" : {\n    \"title\" : \"t\",\n    \"version\" : \"1\"\n  },\n"
                + "  \"openapi\" : \"3.1.0\"\n}\n");
        CommittedOpenApiDocument.check("{\"openapi\":\"3.1.0\",\"info\":{\"version\":\"1\",\"title\":\"t\"}}", committed);
    }

    @Test
    void aChangedDocumentFailsNamingTheLineAndHowToRegenerate() throws IOException {
        Path committed = dir.resolve("side.json");
        Files.writeString(committed, "{\"openapi\":\"3.1.0\",\"paths\":{\"/a\":{}}}");
        assertThatThrownBy(() -> CommittedOpenApiDocument.check("{\"openapi\":\"3.1.0\",\"paths\":{\"/b\":{}}}",
                committed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("first difference at line 4").hasMessageContaining("-     \"/a\"")
                .hasMessageContaining("+     \"/b\"")
                .hasMessageContaining("./ledger openapi").hasMessageContaining("-Dopenapi.write=true");
    }

    @Test
    void keysAreInOrderAtEveryDepthAndArraysKeepTheirs() {
        assertThat(CommittedOpenApiDocument.pretty("{\"b\":1,\"a\":[{\"d\":1,\"c\":2}]}"))
                .isEqualTo("{\n  \"a\" : [ {\n    \"c\" : 2,\n    \"d\" : 1\n  } ],\n  \"b\" : 1\n}\n");
    }
}
