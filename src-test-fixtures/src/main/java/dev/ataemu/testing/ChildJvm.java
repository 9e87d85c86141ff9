package dev.ataemu.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class's {@code main} in a new JVM with the test's own class path, for whole-process tests. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static ProcessBuilder builder(Class<?> mainClass, String... args) {
        return builder(mainClass.getName(), List.of(), List.of(args));
    }

    public static ProcessBuilder builder(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The child lives for a short while: a quick start matters more than peak speed.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    public static Process start(Class<?> mainClass, String... args) throws IOException {
        return builder(mainClass, args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The class path of this JVM, for children that need it spelled out. */
    public static List<String> classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }
}
