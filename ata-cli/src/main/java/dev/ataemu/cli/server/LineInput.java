package dev.ataemu.cli.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines typed at a terminal, from a byte stream: a line ends at CR or LF (CR LF and CR NUL count
 * once), backspace takes back a character, Telnet commands (IAC ...) are passed over. With
 * {@code echo}, what is typed is written back, as a terminal in raw mode expects of the far end.
 */
final class LineInput {

    private static final int MAX_LINE = 1024;
    private static final int IAC = 255;

    private final InputStream in;
    private final OutputStream echo;
    /** A CR ended the last line: an LF or NUL right after it belongs to that line end. */
    private boolean afterCr;

    /** {@code echo} is null when the client shows what it types itself. */
    LineInput(InputStream in, OutputStream echo) {
        this.in = in;
        this.echo = echo;
    }

    /** The next line, or null at the end of the stream. Over-long lines are cut. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = next();
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b == IAC) {
                skipTelnetCommand();
                continue;
            }
            boolean lineEnd = afterCr && (b == '\n' || b == 0);
            afterCr = false;
            if (lineEnd) {
                continue;
            }
            if (b == '\r' || b == '\n') {
                // A terminal sends a bare CR for Enter: the line ends now, not at the next key.
                afterCr = b == '\r';
                write("\r\n");
                return line.toString();
            }
            if (b == 8 || b == 127) {
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    write("\b \b");
                }
                continue;
            }
            if (b >= 32 && line.length() < MAX_LINE) {
                line.append((char) b);
                write(String.valueOf((char) b));
            }
        }
    }

    private int next() throws IOException {
        return in.read();
    }

    /** IAC WILL/WONT/DO/DONT option, or IAC SB ... IAC SE, or a two-byte command. */
    private void skipTelnetCommand() throws IOException {
        int command = next();
        if (command >= 251 && command <= 254) {
            next();
        } else if (command == 250) {
            int previous = 0;
            int b;
            while ((b = next()) >= 0 && !(previous == IAC && b == 240)) {
                previous = b;
            }
        }
    }

    private void write(String text) throws IOException {
        if (echo != null) {
            echo.write(text.getBytes(StandardCharsets.UTF_8));
            echo.flush();
        }
    }
}
