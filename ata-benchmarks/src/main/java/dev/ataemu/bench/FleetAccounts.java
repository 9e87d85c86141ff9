package dev.ataemu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts the benchmarks give a fleet of HT502s: device i registers {@code 1<ext>} and
 * {@code 2<ext>} (ext = i in three digits) with the password {@code pw-<ext>}.
 */
final class FleetAccounts {

    private FleetAccounts() {
    }

    static String ext(int index) {
        return String.format("%03d", index);
    }

    /** The registrar's users for both accounts of every device. */
    static Map<String, String> users(int devices) {
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 1; i <= devices; i++) {
            users.put("1" + ext(i), "pw-" + ext(i));
            users.put("2" + ext(i), "pw-" + ext(i));
        }
        return users;
    }

    /** The fleet's {@code --set} options for both accounts at {@code registrar}. */
    static List<String> settings(String registrar) {
        return List.of("--set", "P47=" + registrar, "--set", "P747=" + registrar,
                "--set", "P35=1$ext", "--set", "P34=pw-$ext", "--set", "P735=2$ext", "--set", "P734=pw-$ext");
    }

    /** A SIPp injection file that calls every account of the fleet in turn. */
    static Path callees(Path file, int devices) throws IOException {
        StringBuilder callees = new StringBuilder("SEQUENTIAL\n");
        for (int i = 1; i <= devices; i++) {
            callees.append("1").append(ext(i)).append(";\n2").append(ext(i)).append(";\n");
        }
        return Files.writeString(file, callees);
    }
}
