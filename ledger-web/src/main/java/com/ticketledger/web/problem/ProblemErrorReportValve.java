package com.ticketledger.web.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat answers some requests itself before any servlet sees them (an encoded slash in the path, a
 * malformed request line, an oversize header). Its default page is HTML; this one is a problem+json like
 * every other answer of the ledger, and says nothing of the server.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:ticketledger:problem:rejected-request\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"the server could not accept this request as sent"
                        + " (its path, line or headers are malformed)\"}");
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more can be said
        }
    }
}
