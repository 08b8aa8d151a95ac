package org.rtmmlab.web;

/** An API error: the HTTP status and one line for {@code {"error": "..."}}. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status code (400, 403, 404, 405, 409, 413) */
    int status() {
        return status;
    }
}
