package dev.ataemu.core.call.torture;

import java.io.IOException;
import java.util.Optional;

/** The far end that feeds torture messages to the device over one transport and hears its answers. */
interface TorturePeer extends AutoCloseable {

    /** A response, with the message whose connection it came on when the transport tells. */
    record Received(Optional<String> message, SipResponse response) {
    }

    String transport();

    /** Sends a torture message (over TCP on a connection of its own). */
    void send(String message, byte[] bytes) throws IOException;

    /** Sends a CANCEL or ACK the way {@code message} went. */
    void reply(String message, byte[] bytes) throws IOException;

    /** The next response within {@code millis}, if one comes. */
    Optional<Received> poll(long millis) throws IOException;

    /** Whether the device closed the connection of {@code message} (never over UDP). */
    boolean closedByDevice(String message);

    @Override
    void close() throws IOException;
}
