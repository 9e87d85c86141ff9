package dev.ataemu.sip.stack;

import java.util.Properties;
import javax.sip.PeerUnavailableException;
import javax.sip.SipStack;

/**
 * Creates jain-sip stacks the way the emulator needs them (see {@link SharedStacks} for which
 * accounts share one): named (jain-sip caches stacks by name), routing each request with its
 * account's lookups ({@link AccountRouter}), with a bounded thread pool (its default of a thread per message
 * runs out of memory under load), logging through slf4j by way of log4j-over-slf4j.
 */
public final class SipStacks {

    /** One thread reads and handles a stack's messages, so they reach the device in the order they came. */
    private static final int THREAD_POOL_SIZE = 1;
    /** Forward-secret AEAD suites first, then the CBC ones older servers still need. */
    private static final java.util.List<String> CIPHER_SUITES = java.util.List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA");

    private SipStacks() {
    }

    /** The device's TLS: its own key and certificate; the far end's chain checked or, by default, any taken. */
    private static javax.net.ssl.SSLContext context(TlsIdentity identity, boolean verifyServer) {
        try {
            javax.net.ssl.KeyManagerFactory keys =
                    javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity.keyStore(), identity.password());
            javax.net.ssl.TrustManager[] trust;
            if (verifyServer) {
                javax.net.ssl.TrustManagerFactory authorities = javax.net.ssl.TrustManagerFactory.getInstance(
                        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                authorities.init((java.security.KeyStore) null);
                trust = authorities.getTrustManagers();
            } else {
                trust = new javax.net.ssl.TrustManager[] {new AnyCertificate()};
            }
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLSv1.2");
            context.init(keys.getKeyManagers(), trust, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Takes any certificate: "Authenticate server certificate chain" No, the device's default. */
    private static final class AnyCertificate implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    /**
     * Stops a stack. jain-sip's UDP processor sets itself up on its own thread, and stopping it before
     * that thread has run fails inside jain-sip; waiting a moment and stopping again then succeeds.
     */
    public static void stop(SipStack stack) {
        DeviceNetworkLayer.forget(stack.getStackName());
        SipMessageLog.forget(stack.getStackName());
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    stack.stop();
                    return;
                } catch (NullPointerException notYetRunning) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } finally {
            StackRegistry.endEventThread(stack.getStackName());
        }
    }

    public static SipStack create(String name) {
        return create(name, java.util.Optional.empty(), false);
    }

    /**
     * A stack that can also speak TLS with {@code identity}; {@code verifyServer} checks the far end's
     * certificate against the JVM's trusted authorities ("Authenticate server certificate chain", P2367),
     * otherwise any certificate is taken, as the device does by default.
     */
    public static SipStack create(String name, java.util.Optional<TlsIdentity> identity, boolean verifyServer) {
        Properties properties = new Properties();
        identity.ifPresent(tls -> {
            DeviceNetworkLayer.register(name, context(tls, verifyServer));
            properties.setProperty("gov.nist.javax.sip.NETWORK_LAYER", DeviceNetworkLayer.class.getName());
            // TLS 1.3 handshakes can stall in jain-sip's blocking TLS channels; the device speaks 1.2.
            properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2");
            // jain-sip's own list has RSA suites only, which a device with an EC key cannot serve.
            properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
            properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        });
        properties.setProperty("javax.sip.STACK_NAME", name);
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(THREAD_POOL_SIZE));
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        // Its queue auditor is a timer thread per stack; a device's queue is short enough without it.
        properties.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "0");
        properties.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", SharedSipTimer.class.getName());
        properties.setProperty("javax.sip.ROUTER_PATH", AccountRouter.class.getName());
        // Voicemail servers often send message-summary NOTIFYs without a subscription.
        properties.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        // jain-sip writes its own debug and server logs to files unless told to be quiet.
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // Every message to the device's syslog when it asks (SipMessageLog); jain-sip's own warnings to slf4j.
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", QuietStackLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipMessageLog.class.getName());
        try {
            SipStack stack = StackRegistry.create(name, () -> new WireOnlyStack(properties));
            ((gov.nist.javax.sip.stack.SIPTransactionStack) stack).setAddressResolver(new AccountRouter.Addresses());
            return stack;
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("cannot create the SIP stack " + name + ": " + e.getMessage(), e);
        }
    }
}
