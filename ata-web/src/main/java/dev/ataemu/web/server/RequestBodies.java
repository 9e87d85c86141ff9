package dev.ataemu.web.server;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Request bodies a refusal does not need. */
public final class RequestBodies {

    /** What a refusal reads and throws away at most; a longer body ends the connection instead. */
    public static final long DISCARD_LIMIT = 2L * 1024 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads and drops the rest of the body before a refusal is sent, up to {@link #DISCARD_LIMIT}:
     * a server that answers and closes while the client is still sending makes the client's
     * system reset the connection, and the client loses the answer that says why.
     */
    public static void discard(Request request) {
        long length = request.getLength();
        if (length == 0 || length > DISCARD_LIMIT) {
            return;
        }
        InputStream in = Content.Source.asInputStream(request);
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > DISCARD_LIMIT) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or the body broke off: nothing is left to answer.
        }
    }
}
