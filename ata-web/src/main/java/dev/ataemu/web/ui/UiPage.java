package dev.ataemu.web.ui;

import dev.ataemu.core.config.Page;
import java.util.List;
import java.util.Optional;

/**
 * The model's page set at the firmware's paths (WEB-03, WEB-04): STATUS, BASIC SETTINGS, ADVANCED
 * SETTINGS and one page per port, named as each model's tabs name them.
 */
record UiPage(String path, String tab, Optional<Page> settings, WebLevel lowest) {

    static final UiPage STATUS = new UiPage("index", "STATUS", Optional.empty(), WebLevel.VIEWER);
    static final UiPage BASIC = new UiPage("config2", "BASIC SETTINGS", Optional.of(Page.BASIC), WebLevel.VIEWER);
    static final UiPage ADVANCED = new UiPage("config", "ADVANCED SETTINGS", Optional.of(Page.ADVANCED), WebLevel.VIEWER);

    /** The pages of {@code modelId}, in tab order. */
    static List<UiPage> of(String modelId) {
        boolean ht813 = "HT813".equals(modelId);
        return List.of(STATUS, BASIC, ADVANCED,
                new UiPage("config_a1", ht813 ? "FXS PORT" : "FXS PORT1", Optional.of(Page.PORT1), WebLevel.VIEWER),
                new UiPage("config_a2", ht813 ? "FXO PORT" : "FXS PORT2", Optional.of(Page.PORT2), WebLevel.VIEWER));
    }

    static Optional<UiPage> find(String modelId, String path) {
        return of(modelId).stream().filter(page -> page.path.equals(path)).findFirst();
    }

    /** Whether {@code level} may open this page: the end user sees only STATUS and BASIC SETTINGS (SEC-06). */
    boolean open(WebLevel level) {
        return level != WebLevel.USER || this == STATUS || path.equals(BASIC.path);
    }

    /** The tab bar of the pages {@code level} may open, this page marked. */
    String tabs(String modelId, WebLevel level) {
        StringBuilder bar = new StringBuilder("<div class=\"tabs\">");
        for (UiPage page : of(modelId)) {
            if (page.open(level)) {
                bar.append("<a href=\"/cgi-bin/").append(page.path).append('"')
                        .append(page.path.equals(path) ? " class=\"current\"" : "").append('>')
                        .append(page.tab).append("</a>");
            }
        }
        return bar.append("</div>\n").toString();
    }
}
