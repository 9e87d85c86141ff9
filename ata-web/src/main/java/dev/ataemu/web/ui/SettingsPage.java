package dev.ataemu.web.ui;

import dev.ataemu.core.config.AccessLevel;
import dev.ataemu.core.config.Choice;
import dev.ataemu.core.config.ModelCatalog;
import dev.ataemu.core.config.Page;
import dev.ataemu.core.config.ParameterDefinition;
import dev.ataemu.core.config.ParameterType;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A settings page drawn from the P-value catalog: one row per P-value of the page, each form field
 * named by its P-value ({@code P47}), so scripts written for the real pages post to these. Secret
 * fields are never filled in (WEB-09); what the level may not change is shown read only.
 */
final class SettingsPage {

    /** HT813 password fields come as "New ..." and "Confirm ..." (WEB-11); the confirm field's name. */
    static final String CONFIRM_PREFIX = "confirm_";
    private static final List<Integer> CONFIRMED_PASSWORDS = List.of(2, 196, 28113);

    private SettingsPage() {
    }

    /** Whether {@code level} may change {@code definition} (the end user only its own BASIC fields; the viewer nothing). */
    static boolean writable(ParameterDefinition definition, WebLevel level) {
        return switch (level) {
            case ADMIN -> true;
            case USER -> definition.level() == AccessLevel.USER && definition.page() == Page.BASIC;
            case VIEWER -> false;
        };
    }

    static boolean confirmed(ModelCatalog catalog, ParameterDefinition definition) {
        return "HT813".equals(catalog.modelId()) && CONFIRMED_PASSWORDS.contains(definition.number());
    }

    /**
     * The page's form. {@code value} gives each P-value's current (or pending) value; {@code errors}
     * the reason each refused field was refused; {@code posted} what was sent, to show it again.
     */
    static String form(ModelCatalog catalog, Page page, WebLevel level, IntFunction<String> value,
            Map<String, String> errors, Map<String, String> posted, String token) {
        StringBuilder rows = new StringBuilder();
        for (ParameterDefinition definition : catalog.all()) {
            if (definition.page() != page || !visible(definition, level)) {
                continue;
            }
            String key = definition.key();
            String shown = posted.containsKey(key) && definition.type() != ParameterType.PASSWORD ? posted.get(key)
                    : value.apply(definition.number());
            boolean editable = writable(definition, level);
            rows.append("<tr><td class=\"label\">").append(Html.escape(label(catalog, definition))).append("</td><td>")
                    .append(field(definition, shown, editable));
            if (errors.containsKey(key)) {
                rows.append("<div class=\"error\">").append(Html.escape(errors.get(key))).append("</div>");
            }
            rows.append("</td></tr>\n");
            if (confirmed(catalog, definition) && editable) {
                rows.append("<tr><td class=\"label\">").append(Html.escape(
                        label(catalog, definition).replaceFirst("^New ", "Confirm "))).append("</td><td>")
                        .append("<input type=\"password\" name=\"").append(CONFIRM_PREFIX).append(key)
                        .append("\" value=\"\" maxlength=\"").append(definition.maxLength()).append("\"></td></tr>\n");
            }
        }
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/cgi-bin/update\">\n");
        if (!errors.isEmpty()) {
            form.append("<p class=\"error\">Nothing was changed: ").append(errors.size())
                    .append(errors.size() == 1 ? " value was" : " values were").append(" refused.</p>\n");
        }
        form.append("<table class=\"form\">\n").append(rows).append("</table>\n");
        if (!token.isEmpty()) {
            form.append("<input type=\"hidden\" name=\"session_token\" value=\"").append(token).append("\">\n");
        }
        form.append("<input type=\"hidden\" name=\"gnkey\" value=\"0b82\">\n");
        if (level != WebLevel.VIEWER) {
            form.append("<div class=\"buttons\"><input type=\"submit\" name=\"update\" value=\"Update\">");
            if ("HT813".equals(catalog.modelId())) {
                form.append(" <input type=\"submit\" name=\"apply\" value=\"Apply\">");
            }
            form.append("</div>\n");
        }
        return form.append("</form>\n").toString();
    }

    /** An end user sees the BASIC page's own fields; an administrator and a viewer see all of them. */
    static boolean visible(ParameterDefinition definition, WebLevel level) {
        return level != WebLevel.USER || definition.level() == AccessLevel.USER;
    }

    private static String label(ModelCatalog catalog, ParameterDefinition definition) {
        if (confirmed(catalog, definition) && !definition.label().startsWith("New ")) {
            return "New " + definition.label();
        }
        return definition.label();
    }

    private static String field(ParameterDefinition definition, String value, boolean editable) {
        String name = " name=\"" + definition.key() + "\"";
        String disabled = editable ? "" : " disabled";
        return switch (definition.type()) {
            case ENUM -> {
                StringBuilder select = new StringBuilder("<select").append(name).append(disabled).append('>');
                for (Choice choice : definition.choices()) {
                    select.append("<option value=\"").append(Html.escape(choice.code())).append('"')
                            .append(choice.code().equals(value) ? " selected" : "").append('>')
                            .append(Html.escape(choice.label())).append("</option>");
                }
                yield select.append("</select>").toString();
            }
            case PASSWORD -> "<input type=\"password\"" + name + " value=\"\" maxlength=\"" + definition.maxLength() + "\""
                    + disabled + "> <span class=\"note\">(purposely not displayed for security protection)</span>";
            case INT -> "<input type=\"text\"" + name + " value=\"" + Html.escape(value) + "\" size=\"8\""
                    + disabled + "> <span class=\"note\">(" + definition.min() + "-" + definition.max() + ")</span>";
            default -> "<input type=\"text\"" + name + " value=\"" + Html.escape(value) + "\" size=\"40\" maxlength=\""
                    + Math.max(1, definition.maxLength()) + "\"" + disabled + ">";
        };
    }
}
