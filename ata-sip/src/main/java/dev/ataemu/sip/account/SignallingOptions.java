package dev.ataemu.sip.account;

/**
 * How an account writes its requests.
 *
 * @param telUri        0: plain SIP URIs; 1: {@code user=phone} on numbers; 2: {@code tel:} URIs for numbers (P63 / P763)
 * @param proxyRequire  a {@code Proxy-Require} option to send, or empty (P197 / P792)
 * @param unregisterOnReboot remove every binding of the account (Contact {@code *}) before registering (P81)
 * @param reliableProvisional "Enable 100rel" (P272 / P435): send 180 reliably (RFC 3262) to callers that support it,
 *                      and offer {@code Supported: 100rel} in our INVITEs
 */
public record SignallingOptions(int telUri, String proxyRequire, boolean unregisterOnReboot, boolean reliableProvisional) {

    public static final SignallingOptions DEFAULTS = new SignallingOptions(0, "", false, false);
}
