package dev.ataemu.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The victim of {@link StoreCrashTest}: writes numbered batches to a store for ever and reports each
 * one on standard output only after {@link ParameterStore#apply} has returned, i.e. once acknowledged.
 */
public final class StoreWriterProcess {

    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        ParameterStore store = ParameterStore.open(ParameterCatalog.builtIn().forModel("HT502"), file, "crash test");
        long next = store.get(3).isEmpty() ? 1 : Long.parseLong(store.get(3).substring(1)) + 1;
        while (true) {
            String value = "n" + next;
            store.apply(Map.of("P3", value, "P35", value, "P47", "host" + next + ".example.com"));
            System.out.println("ACK " + next);
            System.out.flush();
            next++;
        }
    }
}
