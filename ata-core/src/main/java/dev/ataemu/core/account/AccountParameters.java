package dev.ataemu.core.account;

/**
 * Where each port's account settings live in the P-value space: port 1 (HT502 FXS1, HT813 FXS) and
 * port 2 (HT502 FXS2, HT813 FXO) use parallel numbers, as the firmware's port maps give them.
 */
public record AccountParameters(int port, int localSipPort) {

    public static final AccountParameters PORT1 = new AccountParameters(1, 40);
    public static final AccountParameters PORT2 = new AccountParameters(2, 740);

    public static AccountParameters of(int port) {
        return switch (port) {
            case 1 -> PORT1;
            case 2 -> PORT2;
            default -> throw new IllegalArgumentException("no port " + port);
        };
    }
}
