package dev.ataemu.web.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The small JSON answers of the firmware's CGI (INTERFACES 2.1, 2.4): string values in its wrappers. */
final class UiJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UiJson() {
    }

    /** {@code {"results":[{...}]}}, the classic CGI's wrapper. */
    static String results(Map<String, String> fields) {
        return write(Map.of("results", List.of(fields)));
    }

    /** {@code {"response":"success","body":{...}}}, the JSON API's wrapper. */
    static String success(Map<String, ?> body) {
        return wrapped("success", body);
    }

    /** {@code {"response":"error","body":{"reason":...}}}. */
    static String error(String reason) {
        return wrapped("error", Map.of("reason", reason));
    }

    private static String wrapped(String response, Map<String, ?> body) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("response", response);
        json.put("body", body);
        return write(json);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
