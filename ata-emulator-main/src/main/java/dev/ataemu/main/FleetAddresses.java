package dev.ataemu.main;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The addresses of {@code --bind-range @FILE}: one IP address per line; blank lines and {@code #} comments skipped. */
final class FleetAddresses {

    private FleetAddresses() {
    }

    static List<InetAddress> fromFile(Path file) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String text = line.replaceFirst("#.*", "").strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new IllegalArgumentException(file + " line " + number + ": '" + text + "' is not an IP address");
            }
            try {
                addresses.add(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(file + " line " + number + ": '" + text + "' is not an IP address");
            }
        }
        return addresses;
    }
}
