package dev.ataemu.core.provision;

import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * FTP and FTPS (explicit TLS) downloads with commons-net: passive mode, binary, the credentials
 * of P1360/P1361 or an anonymous login.
 */
final class FtpFetcher implements FileFetcher {

    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(20);

    private final boolean tls;

    FtpFetcher(boolean tls) {
        this.tls = tls;
    }

    @Override
    public byte[] fetch(URI uri, Credentials credentials) throws IOException {
        FTPClient client = tls ? new FTPSClient(false) : new FTPClient();
        client.setConnectTimeout((int) TIMEOUT.toMillis());
        client.setDefaultTimeout((int) TIMEOUT.toMillis());
        client.setDataTimeout(TIMEOUT);
        try {
            client.connect(uri.getHost(), uri.getPort() < 0 ? Protocol.FTP.defaultPort() : uri.getPort());
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new IOException(uri.getHost() + " refused the connection: " + client.getReplyString().strip());
            }
            if (client instanceof FTPSClient secure) {
                secure.execPBSZ(0);
                secure.execPROT("P");
            }
            boolean anonymous = !credentials.present();
            if (!client.login(anonymous ? "anonymous" : credentials.user(), anonymous ? "ata@" : credentials.password())) {
                throw new IOException(uri.getHost() + " refused the login: " + client.getReplyString().strip());
            }
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            Downloads.Bounded file = new Downloads.Bounded();
            if (!client.retrieveFile(uri.getPath(), file)) {
                if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE) {
                    throw new NoSuchFileException(uri.toString(), null, client.getReplyString().strip());
                }
                throw new IOException(uri + ": " + client.getReplyString().strip());
            }
            client.logout();
            return file.toByteArray();
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
        }
    }
}
