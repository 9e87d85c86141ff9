package dev.ataemu.sip.stack;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The sockets of one jain-sip stack, with TLS from the device's own context. jain-sip's built-in TLS
 * layer can either check the far end's certificate or show one of its own, not take any certificate
 * while showing its own as the device does by default; it also creates this class by name, so each
 * stack's context waits here under the stack's name until the stack asks for it.
 */
public final class DeviceNetworkLayer implements NetworkLayer {

    private static final Map<String, SSLContext> CONTEXTS = new ConcurrentHashMap<>();
    private static final int CONNECT_TIMEOUT_MS = 8000;
    private static final String[] PROTOCOLS = {"TLSv1.2"};

    private volatile SSLContext context;

    static void register(String stackName, SSLContext context) {
        CONTEXTS.put(stackName, context);
    }

    static void forget(String stackName) {
        CONTEXTS.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        context = CONTEXTS.get(stack.getStackName());
    }

    private SSLContext tls() throws IOException {
        SSLContext tls = context;
        if (tls == null) {
            throw new IOException("this SIP stack has no TLS identity");
        }
        return tls;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new ServerSocket(port, backlog, address);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) tls().getServerSocketFactory().createServerSocket(port, backlog, address);
        socket.setEnabledProtocols(PROTOCOLS);
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return connected(new Socket(), address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return createSocket(address, port, myAddress, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        Socket socket = new Socket();
        if (myAddress != null) {
            socket.bind(new InetSocketAddress(myAddress, myPort));
        }
        return connected(socket, address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        SSLSocket socket = (SSLSocket) tls().getSocketFactory().createSocket();
        socket.setEnabledProtocols(PROTOCOLS);
        if (myAddress != null) {
            socket.bind(new InetSocketAddress(myAddress, 0));
        }
        connected(socket, address, port);
        return socket;
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return new DatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
        return new DatagramSocket(port, address);
    }

    private static Socket connected(Socket socket, InetAddress address, int port) throws IOException {
        try {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
