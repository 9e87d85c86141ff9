package dev.ataemu.core.config;

/**
 * The factory resets the manuals describe. A full reset restores every setting; an ISP-data reset
 * only the basic network and access settings; a VoIP-data reset only the service-provider data
 * (accounts, SIP servers, provisioning).
 */
public enum ResetType {
    FULL(0),
    ISP_DATA(1),
    VOIP_DATA(2);

    private final int code;

    ResetType(int code) {
        this.code = code;
    }

    /** The number the web form ({@code reset_type}) and the SSH CLI ({@code reset N}) use. */
    public int code() {
        return code;
    }

    public static ResetType fromCode(int code) {
        for (ResetType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("no reset type " + code + " (0 full, 1 ISP data, 2 VoIP data)");
    }
}
