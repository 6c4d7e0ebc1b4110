package com.ticketledger.query.consistency;

import com.ticketledger.web.openapi.ProblemResponse;
import com.ticketledger.web.openapi.ResponseHeaders;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@link ReadYourWrites} adds to every read of a {@link ReadsProjection} controller, in the OpenAPI
 * document: the position to wait for ({@code minPosition} or {@code X-Ledger-Position}), the 503 when the
 * projection does not reach it in time, and {@code X-Projection-Rebuilding} and {@code Server-Timing} on the answer.
 */
@Component
class ReadYourWritesDocumentation implements OperationCustomizer, OpenApiCustomizer {

    static final String MIN_POSITION = "minPosition";
    static final String LEDGER_POSITION = "X-Ledger-Position";
    private static final String PARAMETERS = "#/components/parameters/";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().isAnnotationPresent(ReadsProjection.class)) {
            return operation;
        }
        addOnce(operation, MIN_POSITION);
        addOnce(operation, LEDGER_POSITION);
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                for (String header : List.of(ResponseHeaders.PROJECTION_REBUILDING, ResponseHeaders.SERVER_TIMING)) {
                    response.addHeaderObject(header, ResponseHeaders.ref(header));
                }
            }
        });
        ProblemResponse.BAD_REQUEST.addTo(operation);
        ProblemResponse.READ_UNAVAILABLE.addTo(operation);
        return operation;
    }

    private static void addOnce(Operation operation, String parameter) {
        String ref = PARAMETERS + parameter;
        if (operation.getParameters() == null
                || operation.getParameters().stream().noneMatch(existing -> ref.equals(existing.get$ref()))) {
            operation.addParametersItem(new Parameter().$ref(ref));
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        String wait = " The read waits until its projection has processed that position (up to `ledger.reads.max-wait`,"
                + " 5 s), then answers 503 with `Retry-After`.";
        openApi.getComponents()
                .addParameters(MIN_POSITION, new QueryParameter().name(MIN_POSITION).required(false)
                        .description("A ledger position, as a command answered it (`position`, `X-Ledger-Position`)." + wait)
                        .schema(position()))
                .addParameters(LEDGER_POSITION, new HeaderParameter().name(LEDGER_POSITION).required(false)
                        .description("The same as `minPosition`, as a header (`minPosition` wins when both are sent)." + wait)
                        .schema(position()));
    }

    private static IntegerSchema position() {
        return (IntegerSchema) new IntegerSchema().format("int64").minimum(BigDecimal.ZERO).example(1042);
    }
}
