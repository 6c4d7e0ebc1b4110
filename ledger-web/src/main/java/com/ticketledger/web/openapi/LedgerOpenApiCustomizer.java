package com.ticketledger.web.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.ticketledger.events.Role;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What both sides' documents share. HTTP Basic on every operation; for each operation, the access rules
 * themselves are asked who may call it, so that the document cannot drift from them: an operation open to
 * anyone needs no credentials, any other answers 401 without them, and one that some roles may not call answers
 * them 403 and names the roles that may. Then every problem response, header and schema the operations refer
 * to is described once under {@code components}, and nothing else is. Problems only the code knows of are named
 * with {@link ProblemAnswers}.
 */
public class LedgerOpenApiCustomizer implements OpenApiCustomizer, OperationCustomizer {

    static final String BASIC = "basicAuth";
    private static final Pattern REFERENCE = Pattern.compile("#/components/(responses|headers|schemas)/([A-Za-z0-9._-]+)");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}/]+}");

    private final OpenApiProperties properties;
    private final WebInvocationPrivilegeEvaluator access;

    public LedgerOpenApiCustomizer(OpenApiProperties properties, WebInvocationPrivilegeEvaluator access) {
        this.properties = properties;
        this.access = access;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title(properties.title()).description(properties.description().strip())
                .version(properties.version()));
        openApi.servers(List.of(new Server().url(properties.serverUrl()).description(properties.serverDescription())));
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("A user name and password of the desk (`ledger.security.users`)."));
        openApi.security(List.of(new SecurityRequirement().addList(BASIC)));
        if (openApi.getTags() != null) {
            openApi.getTags().sort(java.util.Comparator.comparing(io.swagger.v3.oas.models.tags.Tag::getName));
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                describeAccess(path, method, operation);
                describeRequestProblems(path, operation);
                referencesAlone(operation);
            }));
        }
        addReferencedComponents(openApi);
    }

    /** A header given by reference stands alone (springdoc adds a {@code style} to headers it reads from annotations). */
    private static void referencesAlone(Operation operation) {
        operation.getResponses().values().stream().filter(response -> response.getHeaders() != null)
                .forEach(response -> response.getHeaders().replaceAll((name, header) -> header.get$ref() == null
                        ? header : new io.swagger.v3.oas.models.headers.Header().$ref(header.get$ref())));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (ProblemAnswers answers : new ProblemAnswers[] {handler.getBeanType().getAnnotation(ProblemAnswers.class),
                handler.getMethodAnnotation(ProblemAnswers.class)}) {
            if (answers != null) {
                Arrays.stream(answers.value()).forEach(problem -> problem.addTo(operation));
            }
        }
        return operation;
    }

    private void describeAccess(String path, PathItem.HttpMethod method, Operation operation) {
        String uri = PATH_VARIABLE.matcher(path).replaceAll("x");
        Authentication anonymous = new AnonymousAuthenticationToken("openapi", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        if (access.isAllowed("", uri, method.name(), anonymous)) {
            operation.setSecurity(List.of());
            return;
        }
        ProblemResponse.UNAUTHORIZED.addTo(operation);
        ProblemResponse.TOO_MANY_REQUESTS.addTo(operation);
        List<Role> allowed = Arrays.stream(Role.values())
                .filter(role -> access.isAllowed("", uri, method.name(), UsernamePasswordAuthenticationToken.authenticated(
                        "openapi", null, AuthorityUtils.createAuthorityList("ROLE_" + role.name()))))
                .toList();
        if (allowed.size() < Role.values().length) {
            ProblemResponse.FORBIDDEN.addTo(operation);
            String who = "**Who:** " + allowed.stream().map(Role::name).collect(Collectors.joining(", ")) + ".";
            operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        }
    }

    /**
     * A request can be malformed where it carries something typed (a body, a UUID, a number, an enum, a pattern, a
     * required parameter): 400. A ticket in the path may not exist, or not for this caller: 404.
     */
    private static void describeRequestProblems(String path, Operation operation) {
        boolean typed = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> parameter.get$ref() != null
                        || typed(parameter.getSchema())
                        || (Boolean.TRUE.equals(parameter.getRequired()) && !"path".equals(parameter.getIn()))));
        if (typed) {
            ProblemResponse.BAD_REQUEST.addTo(operation);
        }
        if (path.contains("{ticketId}")) {
            ProblemResponse.NOT_FOUND.addTo(operation);
        }
    }

    private static boolean typed(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && schema.getTypes().size() == 1 ? schema.getTypes().iterator().next() : null;
        return schema.get$ref() != null || !"string".equals(type) || schema.getEnum() != null
                || schema.getFormat() != null || schema.getPattern() != null || schema.getMaxLength() != null;
    }

    /** Adds each shared component the document refers to, until no reference is left unresolved. */
    private static void addReferencedComponents(OpenAPI openApi) {
        Components components = openApi.getComponents();
        Map<String, io.swagger.v3.oas.models.headers.Header> headers = ResponseHeaders.all();
        Map<String, io.swagger.v3.oas.models.media.Schema<?>> schemas = ProblemSchemas.all();
        boolean added = true;
        while (added) {
            added = false;
            Matcher references = REFERENCE.matcher(json(openApi));
            while (references.find()) {
                String name = references.group(2);
                switch (references.group(1)) {
                    case "responses":
                        ProblemResponse response = ProblemResponse.named(name);
                        if (response != null && absent(components.getResponses(), name)) {
                            components.addResponses(name, response.component());
                            added = true;
                        }
                        break;
                    case "headers":
                        if (headers.containsKey(name) && absent(components.getHeaders(), name)) {
                            components.addHeaders(name, headers.get(name));
                            added = true;
                        }
                        break;
                    default:
                        if (schemas.containsKey(name) && absent(components.getSchemas(), name)) {
                            components.addSchemas(name, schemas.get(name));
                            added = true;
                        }
                }
            }
        }
    }

    private static boolean absent(Map<String, ?> map, String name) {
        return map == null || !map.containsKey(name);
    }

    private static String json(OpenAPI openApi) {
        try {
            return Json.mapper().writeValueAsString(openApi);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document does not serialize", e);
        }
    }
}
