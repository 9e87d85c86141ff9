package dev.ataemu.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ataemu.web.server.JsonResponses;
import java.nio.charset.StandardCharsets;

/** A JSON request body with typed, checked reads: each refusal names the field and the allowed values. */
final class JsonBody {

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody parse(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        try {
            JsonNode root = JsonResponses.mapper().readTree(new String(body, StandardCharsets.UTF_8));
            if (!(root instanceof ObjectNode)) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return new JsonBody(root);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    boolean has(String field) {
        return root.hasNonNull(field);
    }

    String text(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("'" + field + "' is missing");
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    String text(String field, String fallback) {
        return has(field) ? text(field) : fallback;
    }

    int integer(String field, int min, int max, Integer fallback) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw ApiException.badRequest("'" + field + "' is missing");
            }
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ApiException.badRequest("'" + field + "' must be a whole number from " + min + " to " + max);
        }
        int number = value.asInt();
        if (number < min || number > max) {
            throw ApiException.badRequest("'" + field + "' is " + number + "; it must be from " + min + " to " + max);
        }
        return number;
    }

    String oneOf(String field, String... allowed) {
        String value = text(field);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw ApiException.badRequest("'" + field + "' is '" + value + "'; it must be one of " + String.join(", ", allowed));
    }

    boolean flag(String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }
}
