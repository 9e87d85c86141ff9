package dev.ataemu.core.provision;

import java.util.Arrays;

/** "Firmware Upgrade and Provisioning" (P212): how both firmware and configuration files are fetched (PROV-01). */
public enum Protocol {
    TFTP(0, "tftp", 69),
    HTTP(1, "http", 80),
    HTTPS(2, "https", 443),
    FTP(3, "ftp", 21),
    /** Explicit TLS (AUTH TLS) on the FTP port. */
    FTPS(4, "ftps", 21);

    private final int code;
    private final String scheme;
    private final int defaultPort;

    Protocol(int code, String scheme, int defaultPort) {
        this.code = code;
        this.scheme = scheme;
        this.defaultPort = defaultPort;
    }

    public static Protocol ofCode(int code) {
        return Arrays.stream(values()).filter(p -> p.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no upgrade protocol " + code));
    }

    public String scheme() {
        return scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
