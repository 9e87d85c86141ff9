package dev.ataemu.media.codec.g711;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the ffmpeg command (Debian package {@code ffmpeg}) on temporary files, as an independent
 * implementation of the codecs. A missing ffmpeg fails the test: interoperability is part of the suite.
 */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    /**
     * Runs {@code ffmpeg <inputOptions> -i in <outputOptions> out} on {@code input} and returns the
     * output file's bytes.
     */
    public static byte[] convert(byte[] input, List<String> inputOptions, List<String> outputOptions) {
        try {
            Path dir = Files.createTempDirectory("ffmpeg-codec");
            try {
                Path in = Files.write(dir.resolve("in.bin"), input);
                Path out = dir.resolve("out.bin");
                List<String> command = new ArrayList<>(List.of(binary(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
                command.addAll(inputOptions);
                command.addAll(List.of("-i", in.toString()));
                command.addAll(outputOptions);
                command.add(out.toString());
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String log = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    fail("ffmpeg failed: " + String.join(" ", command) + "\n" + log);
                }
                return Files.readAllBytes(out);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while ffmpeg ran", e);
        }
    }

    public static byte[] s16le(short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            buffer.putShort(s);
        }
        return buffer.array();
    }

    public static short[] fromS16le(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = buffer.getShort();
        }
        return samples;
    }

    private static String binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("ffmpeg is not on the PATH: install the Debian package 'ffmpeg' (the CI image has it)");
    }
}
