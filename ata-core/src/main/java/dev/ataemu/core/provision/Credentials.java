package dev.ataemu.core.provision;

/**
 * "HTTP/HTTPS/FTP/FTPS User Name" and "Password" (P1360, P1361, PROV-07); blank for none, which
 * FTP takes as an anonymous login. {@code preemptive}: send HTTP basic credentials with the
 * first request instead of waiting to be asked (P20713).
 */
public record Credentials(String user, String password, boolean preemptive) {

    public static final Credentials NONE = new Credentials("", "", false);

    public boolean present() {
        return !user.isEmpty();
    }

    @Override
    public String toString() {
        return present() ? user + ":***" : "none";
    }
}
