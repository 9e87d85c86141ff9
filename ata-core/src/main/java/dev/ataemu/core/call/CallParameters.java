package dev.ataemu.core.call;

/** Where each port's call-handling settings live in the P-value space (port 1, port 2). */
public record CallParameters(int ringTimeout, int anonymousRejection, int usePrivacyHeader,
        int callWithoutRegistration) {

    static final CallParameters PORT1 = new CallParameters(185, 129, 2338, 109);
    static final CallParameters PORT2 = new CallParameters(816, 446, 2438, 813);

    public static CallParameters of(int port) {
        return port == 1 ? PORT1 : PORT2;
    }
}
