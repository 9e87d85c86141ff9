package dev.ataemu.web.server;

/** The web server could not start; the message says why and what to do about it. */
public final class WebServerException extends Exception {

    public WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
