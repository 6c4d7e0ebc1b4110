package com.ticketledger.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/**
 * Writes a problem straight to the servlet response, for filters that answer before Spring MVC does, in the
 * request's language.
 */
public class ProblemWriter {

    private final ObjectMapper objectMapper;
    private final ProblemTexts texts;

    public ProblemWriter(ObjectMapper objectMapper, ProblemTexts texts) {
        this.objectMapper = objectMapper;
        this.texts = texts;
    }

    /** Writes the problem {@code code} of this status, its detail the text {@code problem.<code>} with these arguments. */
    public void write(HttpServletResponse response, HttpStatus status, String code, Object... arguments)
            throws IOException {
        write(response, texts.problem(status, code, arguments));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
