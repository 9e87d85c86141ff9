package dev.ataemu.core.provision;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;

/**
 * TFTP downloads with commons-net: octet mode, the path as the file name (the server's root when
 * the path has no folder, PROV-29), five tries before giving up (PROV-05).
 */
final class TftpFetcher implements FileFetcher {

    private static final int TIMEOUT_MS = 2000;
    private static final int TRIES = 5;

    @Override
    public byte[] fetch(URI uri, Credentials credentials) throws IOException {
        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(java.time.Duration.ofMillis(TIMEOUT_MS));
        client.setMaxTimeouts(TRIES);
        Downloads.Bounded file = new Downloads.Bounded();
        client.open();
        try {
            String name = uri.getPath().replaceFirst("^/", "");
            int port = uri.getPort() < 0 ? Protocol.TFTP.defaultPort() : uri.getPort();
            client.receiveFile(name, TFTP.BINARY_MODE, file, InetAddress.getByName(uri.getHost()), port);
        } catch (IOException e) {
            // The server's error packet arrives as the message: code 1 is "File not found".
            String message = String.valueOf(e.getMessage());
            if (message.contains("rror code 1") || message.toLowerCase(java.util.Locale.ROOT).contains("not found")) {
                throw new NoSuchFileException(uri.toString(), null, message);
            }
            throw e;
        } finally {
            client.close();
        }
        return file.toByteArray();
    }
}
