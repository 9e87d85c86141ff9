package dev.ataemu.media.callerid;

/** A caller-ID message or DTMF string that cannot be read; the message says what is wrong. */
public class MalformedMessageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
