package io.plansim.web;

/** A request the API refuses: an HTTP 4xx status and a message for the page (never a stack trace). */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError bad(String message) {
        return new ApiError(400, message);
    }

    int status() {
        return status;
    }
}
