package dev.ataemu.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Terminal lines: what ends them, what is taken back, what is passed over. */
class LineInputTest {

    /** Bytes, then a stall: reading on past them means waiting for a key that never comes. */
    private static InputStream typed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                if (at == bytes.length) {
                    throw new IllegalStateException("read past what was typed");
                }
                return bytes[at++] & 0xFF;
            }
        };
    }

    @Test
    @DisplayName("MGMT-02 Enter on a terminal (a bare CR) ends the line at once; CR LF and CR NUL end one line each")
    void lineEnds() throws Exception {
        assertThat(new LineInput(typed("status\r"), null).readLine()).isEqualTo("status");
        LineInput lines = new LineInput(new ByteArrayInputStream("config\r\nset 3 a\r\0exit\nlast".getBytes(
                StandardCharsets.ISO_8859_1)), null);
        assertThat(lines.readLine()).isEqualTo("config");
        assertThat(lines.readLine()).isEqualTo("set 3 a");
        assertThat(lines.readLine()).isEqualTo("exit");
        assertThat(lines.readLine()).isEqualTo("last");
        assertThat(lines.readLine()).isNull();
    }

    @Test
    @DisplayName("MGMT-03 backspace takes back a character, Telnet commands are passed over, typing is echoed when asked")
    void editingAndTelnet() throws Exception {
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        byte[] input = {'s', 't', 'x', 127, 'a', (byte) 255, (byte) 253, 1, 't', '\r'};
        assertThat(new LineInput(new ByteArrayInputStream(input), echo).readLine()).isEqualTo("stat");
        assertThat(echo.toString(StandardCharsets.ISO_8859_1)).isEqualTo("stx\b \bat\r\n");
    }
}
