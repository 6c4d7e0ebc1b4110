package com.ticketledger.command.attachment;

import org.springframework.http.HttpStatus;

/**
 * An upload refused before any command is sent: too large (413), empty (400), of a denied type (415). The
 * problem's detail is the bundles' {@code problem.<code>} text with {@link #arguments()}.
 */
public class UploadRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] arguments;

    UploadRefused(HttpStatus status, String code, Object... arguments) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
