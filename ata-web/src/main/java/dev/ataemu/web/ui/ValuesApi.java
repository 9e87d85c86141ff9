package dev.ataemu.web.ui;

import dev.ataemu.core.config.ParameterDefinition;
import dev.ataemu.core.config.ParameterKeys;
import dev.ataemu.core.config.ParameterType;
import dev.ataemu.core.config.RejectedChangesException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Scripts' reads and writes of P-values ({@code api.values.get}, {@code api.values.post},
 * INTERFACES 2.3 / 2.4): by the session cookie or the {@code sid} of a JSON login; answers in the
 * {@code {"response":...,"body":...}} wrapper, secrets never read back, and only what the level may
 * see (SEC-06). A write must name the session in its fields ({@code sid} or {@code session_token}):
 * the cookie alone would let another site's page write with the browser's login.
 */
final class ValuesApi {

    private final DeviceUi ui;

    ValuesApi(DeviceUi ui) {
        this.ui = ui;
    }

    private Optional<WebSessions.Session> apiSession(FormBody form, Request request) {
        Optional<WebSessions.Session> session = ui.session(request, form);
        if (session.isEmpty() && form.has("sid")) {
            session = ui.sessions.find(form.getOrEmpty("sid"));
        }
        return session;
    }

    void get(FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> session = apiSession(form, request);
        if (session.isEmpty()) {
            UiResponses.json(response, UiJson.error("invalid session"), callback);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : form.getOrEmpty("request").split(":")) {
            if (key.isBlank()) {
                continue;
            }
            Optional<ParameterDefinition> found = ParameterKeys.parse(key).stream().boxed()
                    .flatMap(n -> ui.catalog().find(n).stream()).findFirst();
            if (found.isPresent() && !SettingsPage.visible(found.get(), session.get().level())) {
                UiResponses.json(response, UiJson.error("the " + session.get().level().username() + " login cannot read "
                        + key), callback);
                return;
            }
            values.put(key, found.map(definition -> definition.type() == ParameterType.PASSWORD ? ""
                    : ui.device.store().saved(definition.number())).orElse(""));
        }
        UiResponses.json(response, UiJson.success(values), callback);
    }

    void post(FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> session = apiSession(form, request);
        if (session.isEmpty()) {
            UiResponses.json(response, UiJson.error("invalid session"), callback);
            return;
        }
        if (!ui.sessions.vouches(session.get(), form.get("sid").orElse(null), form.get("session_token").orElse(null))) {
            UiResponses.json(response, UiJson.error("send the session's sid or session_token with a write; nothing was changed"),
                    callback);
            return;
        }
        SettingsUpdate.Outcome outcome = SettingsUpdate.check(ui.catalog(), session.get().level(), form);
        if (!outcome.accepted()) {
            Map.Entry<String, String> first = outcome.problems().entrySet().iterator().next();
            UiResponses.json(response, UiJson.error(first.getKey() + ": " + first.getValue()), callback);
            return;
        }
        try {
            ui.device.store().apply(outcome.changes());
            UiResponses.json(response, UiJson.success(Map.of("status", "right")), callback);
        } catch (RejectedChangesException e) {
            UiResponses.json(response, UiJson.error(e.getMessage()), callback);
        }
    }
}
