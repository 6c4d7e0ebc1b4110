package com.ticketledger.web.problem;

import com.ticketledger.web.language.Languages;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Tomcat answers some requests itself before any servlet sees them (an encoded slash in the path, a
 * malformed request line, an oversize header). Its default page is HTML; this one is a problem+json like
 * every other answer of the ledger, in the request's language, and says nothing of the server. Spring is not
 * there yet: the texts come straight from the shared bundle.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final String BUNDLE = "web-messages";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        Locale locale = Languages.resolver().resolveLocale(request);
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ProblemErrorReportValve.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = text(texts, "problem.title." + status, known == null ? "Error" : known.getReasonPhrase());
        String detail = text(texts, "problem.rejected-request",
                "the server could not accept this request as sent (its path, line or headers are malformed)");
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:ticketledger:problem:rejected-request\",\"title\":\"" + json(title)
                        + "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}");
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more can be said
        }
    }

    private static String text(ResourceBundle texts, String key, String fallback) {
        try {
            return new MessageFormat(texts.getString(key), texts.getLocale()).format(new Object[0]);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
