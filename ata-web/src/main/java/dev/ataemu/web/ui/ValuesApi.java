package dev.ataemu.web.ui;

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
 * {@code {"response":...,"body":...}} wrapper, secrets never read back.
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
            dev.ataemu.core.config.ParameterKeys.parse(key).stream().boxed().flatMap(n -> ui.catalog().find(n).stream())
                    .findFirst().ifPresentOrElse(definition -> values.put(key,
                            definition.type() == dev.ataemu.core.config.ParameterType.PASSWORD ? ""
                                    : ui.device.store().saved(definition.number())),
                            () -> values.put(key, ""));
        }
        UiResponses.json(response, UiJson.success(values), callback);
    }

    void post(FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> session = apiSession(form, request);
        if (session.isEmpty()) {
            UiResponses.json(response, UiJson.error("invalid session"), callback);
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
