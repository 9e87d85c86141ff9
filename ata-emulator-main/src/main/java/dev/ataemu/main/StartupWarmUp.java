package dev.ataemu.main;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.sip.stack.SipWarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every run needs and takes long to load the first time (the P-value catalog, logging, the
 * web server, the network library, jain-sip), made ready on threads of their own while the main
 * thread reads the command line: the process reaches a registered device sooner. Only speed
 * depends on it; what fails here fails again, and is reported, where it is used.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void begin() {
        SipWarmUp.inBackground();
        Thread thread = new Thread(StartupWarmUp::run, "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            ParameterCatalog.builtIn();
            Logger log = LoggerFactory.getLogger(StartupWarmUp.class);
            org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server();
            new org.eclipse.jetty.server.ServerConnector(server).getConnectionFactories();
            io.netty.channel.epoll.Epoll.isAvailable();
            io.netty.buffer.ByteBufAllocator.DEFAULT.buffer(64).release();
            log.debug("start-up warm-up done");
        } catch (RuntimeException | LinkageError e) {
            // The same work is done again where it is needed, and fails there with its reason.
        }
    }
}
