package dev.ataemu.web.ui;

/**
 * The small pages around the settings: the login (WEB-05), its error and lock-out pages, the
 * administrator's re-login, the saved and reboot pages, and the reboot and reset forms.
 */
final class LoginPages {

    private LoginPages() {
    }

    /**
     * The login form: the password field {@code P2} with {@code gnkey=0b82}; on the HT813 also the
     * {@code username} (admin, user, viewer) and the hidden {@code session_token}.
     */
    static String login(boolean ht813, String token, String message) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/cgi-bin/dologin\" name=\"loginForm\">\n"
                + "<table class=\"form\">\n");
        if (ht813) {
            form.append("<tr><td class=\"label\">Username</td><td><select name=\"username\">"
                    + "<option value=\"admin\">admin</option><option value=\"user\">user</option>"
                    + "<option value=\"viewer\">viewer</option></select></td></tr>\n");
        }
        // No maxlength: a browser would cut a password longer than it, and the settings take up to 30 characters.
        form.append("<tr><td class=\"label\">Password</td><td><input type=\"password\" name=\"P2\" "
                + "autofocus></td></tr>\n</table>\n");
        if (ht813) {
            form.append("<input name=\"session_token\" type=hidden value=\"").append(token).append("\">\n");
        }
        form.append("<input type=\"hidden\" name=\"gnkey\" value=\"0b82\">\n"
                + "<div class=\"buttons\"><input type=\"submit\" name=\"Login\" value=\"Login\"></div>\n</form>\n");
        String note = message.isEmpty() ? "" : "<p class=\"error\">" + Html.escape(message) + "</p>\n";
        return Html.page("Login", "", note + form);
    }

    /** A wrong password: the login again, with the attempts left when there is a limit (loginerr.htm). */
    static String error(boolean ht813, int attemptsLeft, String token) {
        String left = attemptsLeft < 0 ? "" : " " + attemptsLeft + " attempt" + (attemptsLeft == 1 ? "" : "s") + " left.";
        return login(ht813, token, "Your login password was not correct. Please try again." + left);
    }

    /** Too many wrong passwords (loginlocked.htm). */
    static String locked(long seconds) {
        return Html.page("Login", "", "<p class=\"error\" id=\"locked\">Too many failed login attempts. The login is "
                + "locked; try again in " + seconds + " seconds.</p>");
    }

    /** An end user opened an administrator's page: the administrator's password is asked for. */
    static String adminLogin(String pagePath) {
        return Html.page("Administrator Login", "", "<form method=\"post\" action=\"/cgi-bin/doadminlogin\">\n"
                + "<p>This page needs the administrator's password.</p>\n<table class=\"form\"><tr><td class=\"label\">"
                + "Admin Password</td><td><input type=\"password\" name=\"P2\"></td></tr></table>\n"
                + "<input type=\"hidden\" name=\"page\" value=\"" + Html.escape(pagePath) + "\">\n"
                + "<input type=\"hidden\" name=\"gnkey\" value=\"0b82\">\n"
                + "<div class=\"buttons\"><input type=\"submit\" name=\"Login\" value=\"Login\"></div>\n</form>\n");
    }

    /**
     * After saving (save_ok.htm): the HT502's changes are kept for the next reboot (WEB-14); the
     * HT813 says when a change needs a reboot and offers it (save_ok2.htm, WEB-15).
     */
    static String saved(boolean ht813, boolean rebootNeeded, String token) {
        String text;
        if (!ht813) {
            text = "Your configuration changes have been saved. They will take effect on next reboot.";
        } else if (rebootNeeded) {
            text = "Your configuration changes have been applied. Some of them need a reboot to take effect. "
                    + "Reboot now?";
        } else {
            text = "Your configuration changes have been applied.";
        }
        return Html.page("Configuration Updated", "", "<p id=\"saved\">" + text + "</p>\n"
                + (rebootNeeded || !ht813 ? rebootForm(token) : "")
                + "<p><a href=\"/cgi-bin/index\">Back to STATUS</a></p>\n");
    }

    static String rebooting() {
        return Html.page("Rebooting", "", "<p id=\"rebooting\">The device is rebooting. Log in again in about 30 "
                + "seconds.</p>");
    }

    static String rebootForm(String token) {
        return "<form method=\"post\" action=\"/cgi-bin/rs\" id=\"rebootForm\">" + hiddenToken(token)
                + "<div class=\"buttons\"><input type=\"submit\" name=\"reboot\" value=\"Reboot\"></div></form>\n";
    }

    /** HT813 BASIC SETTINGS: the reset type and the Reset button (WEB-42). */
    static String resetForm(String token) {
        return "<form method=\"post\" action=\"/cgi-bin/unit_reset\" id=\"resetForm\">" + hiddenToken(token)
                + "<table class=\"form\"><tr><td class=\"label\">Reset Type</td><td><select name=\"reset_type\">"
                + "<option value=\"0\">Full Reset</option><option value=\"1\">ISP Data</option>"
                + "<option value=\"2\">VOIP Data</option></select> <input type=\"submit\" name=\"reset\" value=\"Reset\">"
                + "</td></tr></table></form>\n";
    }

    private static String hiddenToken(String token) {
        return token.isEmpty() ? "" : "<input type=\"hidden\" name=\"session_token\" value=\"" + token + "\">";
    }
}
