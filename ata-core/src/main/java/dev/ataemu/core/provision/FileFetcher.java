package dev.ataemu.core.provision;

import java.io.IOException;
import java.net.URI;

/** Fetches one file from a provisioning or firmware server; blocking, so never on a device's scheduler. */
public interface FileFetcher {

    /**
     * The file's bytes.
     *
     * @throws java.nio.file.NoSuchFileException when the server says it has no such file
     * @throws IOException when the server cannot be reached, refuses, or the transfer fails
     */
    byte[] fetch(URI uri, Credentials credentials) throws IOException;
}
