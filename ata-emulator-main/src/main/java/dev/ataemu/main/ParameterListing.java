package dev.ataemu.main;

import dev.ataemu.core.config.ModelCatalog;
import dev.ataemu.core.config.ParameterDefinition;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code --list-parameters}: the catalog of one model as tab-separated text. */
final class ParameterListing {

    static final String HEADER = "P\tlabel\ttype\tdefault\trange\tlevel\tpage\tport\treboot";

    private ParameterListing() {
    }

    static void print(ModelCatalog catalog, PrintWriter out) {
        out.println(HEADER);
        for (ParameterDefinition p : catalog.all()) {
            out.println(String.join("\t",
                    p.key(),
                    p.label(),
                    p.type().name().toLowerCase(Locale.ROOT),
                    printable(p.defaultValue()),
                    p.allowedValues(),
                    p.level().name().toLowerCase(Locale.ROOT),
                    p.page().name(),
                    p.port() == 0 ? "global" : Integer.toString(p.port()),
                    p.rebootRequired() ? "yes" : "no"));
        }
        out.flush();
    }

    private static String printable(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
