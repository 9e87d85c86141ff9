package dev.ataemu.web.ui;

/** Who is logged in to the web pages (WEB-06, SEC-06). */
enum WebLevel {
    /** Every page, every change. */
    ADMIN("admin"),
    /** STATUS and BASIC SETTINGS; may reboot and do an ISP-data reset. */
    USER("user"),
    /** HT813: every page it can see, read only. */
    VIEWER("viewer");

    private final String username;

    WebLevel(String username) {
        this.username = username;
    }

    /** The {@code username} form value of this level on the HT813 login page. */
    String username() {
        return username;
    }

    static java.util.Optional<WebLevel> ofUsername(String name) {
        for (WebLevel level : values()) {
            if (level.username.equals(name)) {
                return java.util.Optional.of(level);
            }
        }
        return java.util.Optional.empty();
    }
}
