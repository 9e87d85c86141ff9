package dev.ataemu.web.security;

/** Who asks: nobody logged in, or a login at one of the pages' levels with its factory password (WEB-06). */
enum Level {
    NONE("", ""),
    VIEWER("viewer", "viewer"),
    USER("user", "123"),
    ADMIN("admin", "admin");

    final String username;
    final String password;

    Level(String username, String password) {
        this.username = username;
        this.password = password;
    }
}
