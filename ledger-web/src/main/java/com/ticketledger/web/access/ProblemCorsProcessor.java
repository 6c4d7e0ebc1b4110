package com.ticketledger.web.access;

import com.ticketledger.web.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/** Spring's CORS checks, with a refused cross-origin request answered as a 403 problem like every other refusal. */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemWriter writer;

    public ProblemCorsProcessor(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (!(response instanceof ServletServerHttpResponse servlet)) {
            super.rejectRequest(response);
            return;
        }
        response.flush(); // writes the Vary headers the checks added; nothing is committed yet
        writer.write(servlet.getServletResponse(), HttpStatus.FORBIDDEN, "cross-origin-refused");
    }
}
