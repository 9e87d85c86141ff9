package dev.ataemu.testing.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH client ({@code openssh-client}) run as a script runs it: the password given
 * through SSH_ASKPASS, no host key checks, commands on standard input or on the command line.
 */
public final class OpenSsh {

    public record Result(int exit, String output) {
    }

    private final Path work;
    private final int port;

    public OpenSsh(Path work, int port) {
        this.work = work;
        this.port = port;
    }

    /** Runs {@code ssh admin@127.0.0.1} with {@code password}, typing {@code input}, or running {@code command}. */
    public Result run(String password, String input, String... command) throws IOException, InterruptedException {
        Path askpass = work.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho '" + password.replace("'", "") + "'\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        List<String> args = new ArrayList<>(List.of(PeerBinary.require("/usr/bin/ssh", "openssh-client").toString(),
                "-p", String.valueOf(port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                "-o", "NumberOfPasswordPrompts=1", "-o", "ConnectTimeout=10", "-T", "admin@127.0.0.1"));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().put("SSH_ASKPASS", askpass.toString());
        builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        builder.environment().put("DISPLAY", ":0");
        Process ssh = builder.start();
        ssh.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        ssh.getOutputStream().close();
        if (!ssh.waitFor(30, TimeUnit.SECONDS)) {
            ssh.destroyForcibly();
            throw new AssertionError("ssh did not finish");
        }
        return new Result(ssh.exitValue(), new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
