package dev.ataemu.testing.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A peer's TLS set-up for Kamailio: a fresh self-signed key and certificate (openssl) and the tls module's config. */
final class TlsFiles {

    private TlsFiles() {
    }

    /** Writes the files into {@code dir}; returns the config lines that load and configure Kamailio's tls module. */
    static String write(Path dir, String kamailioPackage) throws IOException {
        Path module = Path.of("/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so");
        if (!Files.exists(module)) {
            module = Path.of("/usr/lib/aarch64-linux-gnu/kamailio/modules/tls.so");
        }
        PeerBinary.requireFile(module, kamailioPackage + "-tls-modules");
        Path openssl = PeerBinary.require("/usr/bin/openssl", "openssl");
        Path key = dir.resolve("tls-key.pem");
        Path certificate = dir.resolve("tls-cert.pem");
        List<String> command = List.of(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "2",
                "-keyout", key.toString(), "-out", certificate.toString());
        try (PeerProcess process = PeerProcess.start("openssl", command, dir, dir.resolve("openssl.log"))) {
            Integer exit = process.awaitExit(Duration.ofSeconds(20));
            if (exit == null || exit != 0) {
                throw process.failure("could not make a certificate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making a certificate", e);
        }
        Path config = dir.resolve("tls.cfg");
        Files.writeString(config, String.join("\n",
                "[server:default]", "method = TLSv1.2+", "verify_certificate = no", "require_certificate = no",
                "private_key = " + key, "certificate = " + certificate, "",
                "[client:default]", "method = TLSv1.2+", "verify_certificate = no", "require_certificate = no", ""),
                StandardCharsets.US_ASCII);
        return "loadmodule \"tls.so\"\nmodparam(\"tls\", \"config\", \"" + config + "\")";
    }
}
