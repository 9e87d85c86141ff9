package dev.ataemu.cli.server;

import dev.ataemu.cli.shell.CommandShell;
import dev.ataemu.core.device.Device;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One session of the command shell over a connection's streams, until the shell or the client ends it. */
final class ShellSession {

    private ShellSession() {
    }

    /** Runs the shell; returns when it ends. {@code echo}: the client expects its typing echoed. */
    static void run(Device device, InputStream in, OutputStream out, boolean echo) throws IOException {
        run(device, new LineInput(in, echo ? out : null), out);
    }

    /** The same on lines already being read (after Telnet's password). */
    static void run(Device device, LineInput lines, OutputStream out) throws IOException {
        CommandShell shell = new CommandShell(device, text -> write(out, text));
        shell.start();
        String line;
        while ((line = lines.readLine()) != null) {
            if (!shell.line(line)) {
                return;
            }
        }
    }

    static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
