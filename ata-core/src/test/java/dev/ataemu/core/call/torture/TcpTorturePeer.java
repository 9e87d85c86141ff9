package dev.ataemu.core.call.torture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Torture messages over TCP, each on a connection of its own: a message whose framing is broken
 * (a Content-Length past its end) then spoils only its own stream. The device answers on the
 * connection the request came on; the connections stay open until the peer closes.
 */
final class TcpTorturePeer implements TorturePeer {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    private final InetSocketAddress device;
    private final Selector selector;
    private final Map<String, SocketChannel> connections = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Deque<Received> arrived = new ArrayDeque<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(65_535);

    TcpTorturePeer(InetSocketAddress device) throws IOException {
        this.device = device;
        this.selector = Selector.open();
    }

    @Override
    public String transport() {
        return "TCP";
    }

    @Override
    public void send(String message, byte[] bytes) throws IOException {
        SocketChannel channel = SocketChannel.open(device);
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, new Stream(message));
        connections.put(message, channel);
        write(channel, bytes);
    }

    @Override
    public void reply(String message, byte[] bytes) throws IOException {
        SocketChannel channel = connections.get(message);
        if (channel != null && channel.isOpen() && !closed.contains(message)) {
            write(channel, bytes);
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    @Override
    public Optional<Received> poll(long millis) throws IOException {
        if (arrived.isEmpty() && selector.select(Math.max(1, millis)) > 0) {
            for (SelectionKey key : selector.selectedKeys()) {
                read(key);
            }
            selector.selectedKeys().clear();
        }
        return Optional.ofNullable(arrived.poll());
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Stream stream = (Stream) key.attachment();
        buffer.clear();
        int read;
        try {
            read = channel.read(buffer);
        } catch (IOException reset) {
            read = -1;
        }
        if (read < 0) {
            closed.add(stream.message);
            key.cancel();
            channel.close();
            return;
        }
        stream.bytes.write(buffer.array(), 0, read);
        for (byte[] frame = stream.next(); frame != null; frame = stream.next()) {
            SipResponse.of(frame, frame.length)
                    .ifPresent(response -> arrived.add(new Received(Optional.of(stream.message), response)));
        }
    }

    @Override
    public boolean closedByDevice(String message) {
        return closed.contains(message);
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : connections.values()) {
            channel.close();
        }
        selector.close();
    }

    /** What one connection has delivered so far, cut into messages by their Content-Length. */
    private static final class Stream {
        final String message;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Stream(String message) {
            this.message = message;
        }

        byte[] next() {
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            int start = 0;
            while (text.startsWith("\r\n", start)) {
                start += 2;
            }
            int end = text.indexOf("\r\n\r\n", start);
            if (end < 0) {
                return null;
            }
            Matcher length = CONTENT_LENGTH.matcher(text.substring(start, end));
            int total = end + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0);
            if (text.length() < total) {
                return null;
            }
            byte[] frame = text.substring(start, total).getBytes(StandardCharsets.ISO_8859_1);
            byte[] rest = text.substring(total).getBytes(StandardCharsets.ISO_8859_1);
            bytes.reset();
            bytes.write(rest, 0, rest.length);
            return frame;
        }
    }
}
