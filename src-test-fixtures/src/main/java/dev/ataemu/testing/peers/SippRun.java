package dev.ataemu.testing.peers;

import java.nio.file.Path;
import java.time.Duration;

/** A SIPp process started by {@link Sipp#start()}; closing it kills SIPp if it still runs. */
public final class SippRun implements AutoCloseable {

    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(5);

    private final PeerProcess process;
    private final Path directory;
    private final int port;
    private final Path errors;
    private final Path stats;
    private final Path messages;

    SippRun(PeerProcess process, Path directory, int port, Path errors, Path stats, Path messages) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.errors = errors;
        this.stats = stats;
        this.messages = messages;
    }

    /** SIPp's local SIP port, for a registration's contact or a direct call. */
    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Waits until SIPp holds its SIP port, so that a uas is listening before anyone calls it. SIPp
     * has no readiness signal; its UDP socket appearing in the kernel's table is the nearest one.
     */
    void awaitBound() throws InterruptedException {
        long deadline = System.nanoTime() + BIND_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return; // a quick run (or a failed one) is over: its result tells which
            }
            if (BoundPorts.udpBound(port)) {
                return;
            }
            Thread.sleep(10);
        }
        close();
        throw process.failure("did not bind UDP port " + port + " within " + BIND_TIMEOUT);
    }

    /** Waits for SIPp to exit; kills it and fails when it is still running after {@code timeout}. */
    public SippResult awaitResult(Duration timeout) throws InterruptedException {
        Integer exit = process.awaitExit(timeout);
        if (exit == null) {
            close();
            throw process.failure("still running after " + timeout);
        }
        return new SippResult(exit, directory, process.log(), errors, stats, messages);
    }

    @Override
    public void close() {
        process.close();
    }
}
