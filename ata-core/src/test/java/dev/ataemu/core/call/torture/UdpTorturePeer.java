package dev.ataemu.core.call.torture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Torture messages over UDP from a loopback address of their own. The device answers a request at
 * its top Via's port (5060 when it names none) unless the Via asks for rport, so this peer listens
 * on every port the messages' Vias name, on a loopback address no other test uses, and sends from 5060.
 */
final class UdpTorturePeer implements TorturePeer {

    private static final int SENDING_PORT = 5060;

    private final InetSocketAddress device;
    private final Selector selector;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final DatagramChannel sender;
    private final Deque<Received> arrived = new ArrayDeque<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(65_535);

    UdpTorturePeer(InetSocketAddress device, Collection<Integer> viaPorts) throws IOException {
        this(device, viaPorts, ownAddresses());
    }

    /** The same from the first of {@code addresses} that has all the ports free. */
    UdpTorturePeer(InetSocketAddress device, Collection<Integer> viaPorts, List<InetAddress> addresses)
            throws IOException {
        this.device = device;
        this.selector = Selector.open();
        TreeSet<Integer> ports = new TreeSet<>(viaPorts);
        ports.add(SENDING_PORT);
        IOException lastFailure = null;
        for (int i = 0; i < addresses.size() && channels.isEmpty(); i++) {
            try {
                bindAll(addresses.get(i), ports);
            } catch (IOException taken) {
                lastFailure = taken;
                closeChannels();
            }
        }
        if (channels.isEmpty()) {
            throw new IOException("no loopback address has the ports " + ports + " free", lastFailure);
        }
        sender = channels.stream().filter(c -> localPort(c) == SENDING_PORT).findFirst().orElseThrow();
    }

    private static List<InetAddress> ownAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (int last = 77; last < 120; last++) {
            addresses.add(InetAddress.getByName("127.0.0." + last));
        }
        return addresses;
    }

    private void bindAll(InetAddress address, Collection<Integer> ports) throws IOException {
        for (int port : ports) {
            DatagramChannel channel = DatagramChannel.open();
            channels.add(channel);
            channel.bind(new InetSocketAddress(address, port));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
        }
    }

    @Override
    public String transport() {
        return "UDP";
    }

    @Override
    public void send(String message, byte[] bytes) throws IOException {
        sender.send(ByteBuffer.wrap(bytes), device);
    }

    @Override
    public void reply(String message, byte[] bytes) throws IOException {
        sender.send(ByteBuffer.wrap(bytes), device);
    }

    @Override
    public Optional<Received> poll(long millis) throws IOException {
        if (arrived.isEmpty() && selector.select(Math.max(1, millis)) > 0) {
            for (SelectionKey key : selector.selectedKeys()) {
                DatagramChannel channel = (DatagramChannel) key.channel();
                buffer.clear();
                while (channel.receive(buffer) != null) {
                    SipResponse.of(buffer.array(), buffer.position())
                            .ifPresent(response -> arrived.add(new Received(Optional.empty(), response)));
                    buffer.clear();
                }
            }
            selector.selectedKeys().clear();
        }
        return Optional.ofNullable(arrived.poll());
    }

    @Override
    public boolean closedByDevice(String message) {
        return false;
    }

    private static int localPort(DatagramChannel channel) {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    private void closeChannels() {
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        channels.clear();
    }

    @Override
    public void close() throws IOException {
        closeChannels();
        selector.close();
    }
}
