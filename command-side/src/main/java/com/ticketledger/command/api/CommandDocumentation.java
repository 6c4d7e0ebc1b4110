package com.ticketledger.command.api;

import com.ticketledger.command.client.RegisterClient;
import com.ticketledger.command.client.SetContacts;
import com.ticketledger.command.client.SetContract;
import com.ticketledger.command.policy.DefinePolicy;
import com.ticketledger.command.policy.RevisePolicy;
import com.ticketledger.command.ticket.OpenTicket;
import com.ticketledger.command.ticket.TakeFromQueue;
import com.ticketledger.web.openapi.ProblemResponse;
import com.ticketledger.web.openapi.ResponseHeaders;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;

/**
 * What every command has in common, in the OpenAPI document: the headers {@link CommandHeaders} reads, the
 * headers of the answer, and the problems the command path can answer. A command on an existing ticket (a
 * {@code ticketId} in its path) also takes {@code If-Match} and can be refused by the ticket's state (409) or
 * version (412); opening a ticket can be neither. Taking the next ticket of a queue answers 201 with the ticket's
 * {@code Location}, like an opening, or 404 when nobody waits.
 */
@Component
class CommandDocumentation implements OperationCustomizer, OpenApiCustomizer {

    private static final String PARAMETERS = "#/components/parameters/";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).noneMatch(p -> p.getParameterType() == CommandHeaders.class)) {
            return operation;
        }
        boolean onTicket = Arrays.stream(handler.getMethod().getParameters()).anyMatch(parameter ->
                parameter.isAnnotationPresent(PathVariable.class) && (parameter.getName().equals("ticketId")
                        || parameter.getName().equals("clientId")));
        Class<?> sends = handler.hasMethodAnnotation(Sends.class) ? handler.getMethodAnnotation(Sends.class).value()
                : null;
        boolean revised = sends == RevisePolicy.class;
        if (onTicket || revised) {
            operation.addParametersItem(new Parameter().$ref(PARAMETERS + CommandHeaders.IF_MATCH));
        }
        operation.addParametersItem(new Parameter().$ref(PARAMETERS + CommandHeaders.IDEMPOTENCY_KEY));
        operation.addParametersItem(new Parameter().$ref(PARAMETERS + CommandHeaders.CORRELATION_ID));
        boolean taken = handler.hasMethodAnnotation(Sends.class)
                && handler.getMethodAnnotation(Sends.class).value() == TakeFromQueue.class;
        boolean registered = handler.hasMethodAnnotation(Sends.class)
                && handler.getMethodAnnotation(Sends.class).value() == RegisterClient.class;
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                committed(response, taken ? TAKEN : onTicket || revised ? APPLIED : registered ? REGISTERED
                        : sends == DefinePolicy.class ? DEFINED : OPENED, !onTicket && !revised);
            }
        });
        Class<?> sent = handler.hasMethodAnnotation(Sends.class) ? handler.getMethodAnnotation(Sends.class).value() : null;
        if (sent == OpenTicket.class || sent == RegisterClient.class) {
            ProblemResponse.CLIENT_CONFLICT.addTo(operation);
        }
        if (sent == OpenTicket.class || sent == SetContract.class || sent == SetContacts.class) {
            ProblemResponse.CLIENT_NOT_FOUND.addTo(operation);
        }
        if (sent == DefinePolicy.class) {
            ProblemResponse.POLICY_CONFLICT.addTo(operation);
        }
        if (revised) {
            ProblemResponse.POLICY_NOT_FOUND.addTo(operation);
            ProblemResponse.PRECONDITION_FAILED.addTo(operation);
        }
        if (taken) {
            ProblemResponse.QUEUE_EMPTY.addTo(operation);
            ProblemResponse.CONFLICT.addTo(operation);
        }
        ProblemResponse.NOT_ALLOWED.addTo(operation);
        ProblemResponse.UNSUPPORTED_MEDIA_TYPE.addTo(operation);
        ProblemResponse.UNPROCESSABLE_CONTENT.addTo(operation);
        ProblemResponse.COMMAND_UNAVAILABLE.addTo(operation);
        if (onTicket) {
            ProblemResponse.CONFLICT.addTo(operation);
            ProblemResponse.PRECONDITION_FAILED.addTo(operation);
        }
        return operation;
    }

    private static final String OPENED = "The ticket is opened: its event is committed. A retry with the same"
            + " `Idempotency-Key` gets the same answer.";
    private static final String REGISTERED = "The client is registered: its event is committed, and `Location` names"
            + " it. A retry with the same `Idempotency-Key` gets the same answer.";
    private static final String DEFINED = "The SLA policy is defined at version 1: its event is committed, and"
            + " `Location` names it. A retry with the same `Idempotency-Key` gets the same answer.";
    private static final String APPLIED = "The command's event is committed. A retry with the same `Idempotency-Key`"
            + " gets the same answer and writes nothing more.";
    private static final String TAKEN = "The head of the queue is assigned to the caller: its event is committed, and"
            + " `Location` names the ticket taken. A retry with the same `Idempotency-Key` gets the same answer and takes"
            + " nothing more.";

    private static void committed(ApiResponse response, String description, boolean location) {
        response.setDescription(description);
        response.addHeaderObject("ETag", ResponseHeaders.ref(ResponseHeaders.ETAG));
        response.addHeaderObject(ResponseHeaders.LEDGER_POSITION, ResponseHeaders.ref(ResponseHeaders.LEDGER_POSITION));
        response.addHeaderObject(ResponseHeaders.CORRELATION_ID, ResponseHeaders.ref(ResponseHeaders.CORRELATION_ID));
        if (location) {
            response.addHeaderObject("Location", ResponseHeaders.ref(ResponseHeaders.LOCATION));
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents()
                .addParameters(CommandHeaders.IF_MATCH, header(CommandHeaders.IF_MATCH, "The command applies only if"
                        + " the ticket is at this version (the `ETag` of the last answer, quoted); else 412 and nothing"
                        + " is written. `*` or absent: any version.", new StringSchema()
                        .pattern("^(\\*|(W/)?\"[0-9]{1,18}\")$").example("\"3\"")))
                .addParameters(CommandHeaders.IDEMPOTENCY_KEY, header(CommandHeaders.IDEMPOTENCY_KEY, "A retry with the"
                        + " same key (from the same user) is answered as the first time and writes nothing more; the"
                        + " same key with a different request is a 422.", new StringSchema().minLength(1).maxLength(128)
                        .pattern("^[\\x21-\\x7E]{1,128}$").example("reopen-1")))
                .addParameters(CommandHeaders.CORRELATION_ID, header(CommandHeaders.CORRELATION_ID, "Recorded in the"
                        + " event's metadata and sent back; anything but a plain token (letters, digits, `._:-`, up to"
                        + " 128) is replaced by a new id.", new StringSchema().example("7d9c2f3e-5a41-4e0b-9a7c-2b8e4f1d6c90")));
    }

    private static Parameter header(String name, String description, Schema<?> schema) {
        return new HeaderParameter().name(name).required(false).description(description).schema(schema);
    }
}
