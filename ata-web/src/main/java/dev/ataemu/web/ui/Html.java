package dev.ataemu.web.ui;

/** Writing the pages' HTML: escaping, and the frame every page shares. */
final class Html {

    static final String TITLE = "Grandstream Device Configuration";

    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page: the title, the model's tabs (when logged in), then {@code body}. */
    static String page(String heading, String tabs, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + TITLE + "</title>\n"
                + "<style>" + STYLE + "</style></head>\n<body>\n"
                + "<div class=\"banner\"><b>" + TITLE + "</b></div>\n"
                + tabs
                + "<h2>" + escape(heading) + "</h2>\n"
                + body
                + "\n</body></html>\n";
    }

    private static final String STYLE = "body{font-family:Arial,Helvetica,sans-serif;font-size:13px;margin:0}"
            + ".banner{background:#1b3e6f;color:#fff;padding:10px 16px;font-size:18px}"
            + ".tabs{background:#d9e2ef;padding:6px 16px}.tabs a{margin-right:18px;color:#1b3e6f;font-weight:bold;"
            + "text-decoration:none}.tabs a.current{text-decoration:underline}"
            + "h2{margin:14px 16px;font-size:16px}h3{margin:14px 16px 6px;font-size:14px}p{margin:8px 16px}table.form{margin:0 16px;border-collapse:collapse}"
            + "table.form td{padding:4px 10px;border-bottom:1px solid #e4e8ef;vertical-align:top}"
            + "table.form td.label{width:330px;font-weight:bold}.buttons{margin:16px}"
            + ".error{color:#b00020;margin:0 16px}.note{color:#555;font-size:11px}"
            + "table.status{margin:0 16px;border-collapse:collapse}table.status td,table.status th"
            + "{padding:4px 10px;border:1px solid #c8d0dc;text-align:left}";
}
