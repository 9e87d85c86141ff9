package dev.ataemu.web.api;

/** A request the emulator API refuses: the status to answer and a message that says why. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String allow;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    private ApiException(int status, String message, String allow) {
        super(message);
        this.status = status;
        this.allow = allow;
    }

    int status() {
        return status;
    }

    /** The methods to name in an Allow header, for a 405; null otherwise. */
    String allow() {
        return allow;
    }

    static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(405, method + " is not allowed here; use " + allowed, allowed);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
