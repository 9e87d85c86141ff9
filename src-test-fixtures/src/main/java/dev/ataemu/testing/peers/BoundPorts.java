package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether some process has bound a UDP port, read from Linux's {@code /proc/net/udp}. Probing by
 * binding the port ourselves would race the peer for it.
 */
final class BoundPorts {

    private BoundPorts() {
    }

    static boolean udpBound(int port) {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                // Each row: "sl local_address rem_address ...", the address as hex "0100007F:13C4".
                boolean bound = Files.readAllLines(file).stream().skip(1)
                        .map(String::trim)
                        .map(row -> row.split("\\s+"))
                        .anyMatch(cols -> cols.length > 1 && cols[1].endsWith(suffix));
                if (bound) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
