package dev.ataemu.sip.sdp;

/**
 * One {@code a=} line: a property ({@code a=sendrecv}, empty value) or {@code a=<name>:<value>}.
 * Unknown attributes are kept as they came, in order.
 */
public record Attribute(String name, String value) {

    public Attribute {
        SdpText.requireToken(name, "attribute name");
        SdpText.requireText(value, "attribute value");
    }

    public static Attribute property(String name) {
        return new Attribute(name, "");
    }

    String line() {
        return value.isEmpty() ? "a=" + name : "a=" + name + ":" + value;
    }
}
