package dev.ataemu.main;

import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.MacAddress;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What the command line asked for, checked and with defaults filled in. */
record RunOptions(
        DeviceModel model,
        Optional<MacAddress> mac,
        Path dataDir,
        InetAddress bind,
        Optional<InetAddress> lanBind,
        Optional<Integer> httpPort,
        Optional<Integer> sshPort,
        Optional<Integer> telnetPort,
        Map<String, String> settings,
        boolean audio,
        java.util.List<java.net.InetSocketAddress> dns,
        Optional<java.time.Duration> answerAfter) {
}
