package com.ticketledger.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * A side's OpenAPI document as committed under {@code docs/openapi/}: pretty-printed, keys in order, so that a
 * change to the API shows as a readable diff. A side's test hands it the live {@code /v3/api-docs}; with
 * {@code -Dopenapi.write=true} the file is rewritten from it instead of compared.
 */
public final class CommittedOpenApiDocument {

    /** How to regenerate both documents, for the failure message (README: "The OpenAPI documents"). */
    public static final String REGENERATE = "./ledger openapi (or: mvn -B verify -pl command-side,query-side -am"
            + " -Dit.test=OpenApiDocumentIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.write=true)";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CommittedOpenApiDocument() {
    }

    /** {@code docs/openapi/<file>} of the repository; tests run in their module's directory. */
    public static Path file(String name) {
        return Path.of("..", "docs", "openapi", name).toAbsolutePath().normalize();
    }

    /** Rewrites {@code committed} from {@code live} under {@code -Dopenapi.write=true}; else fails where they differ. */
    public static void check(String live, Path committed) {
        String expected = pretty(live);
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.writeString(committed, expected, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(committed)) {
                fail(committed + " is missing; write it with " + REGENERATE);
            }
            String actual = pretty(Files.readString(committed, StandardCharsets.UTF_8));
            if (!actual.equals(expected)) {
                fail(committed + " is not what /v3/api-docs answers now:\n" + firstDifference(actual, expected)
                        + "\nIf the change to the API is meant, regenerate the file with " + REGENERATE
                        + " and commit it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pretty(String json) {
        try {
            return JSON.writeValueAsString(sorted(JSON.readTree(json))) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    /** Object members in key order at every depth; arrays keep theirs (their order means something). */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }

    private static String firstDifference(String committed, String live) {
        String[] a = committed.split("\n", -1);
        String[] b = live.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        StringBuilder text = new StringBuilder("first difference at line " + (line + 1) + ":\n");
        for (int i = Math.max(0, line - 3); i < Math.min(Math.max(a.length, b.length), line + 4); i++) {
            String left = i < a.length ? a[i] : "";
            String right = i < b.length ? b[i] : "";
            text.append(left.equals(right) ? "    " + left : "  - " + left + "\n  + " + right).append('\n');
        }
        return text.toString();
    }
}
