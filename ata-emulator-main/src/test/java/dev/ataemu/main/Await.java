package dev.ataemu.main;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in whole-process tests, where the emulator runs in real time in another JVM. */
final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 100 ms for up to {@code limit}; whether it came true. */
    static boolean until(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
