package dev.ataemu.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing JSON bodies and JSON errors from core handlers. */
public final class JsonResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    public static void send(Response response, int status, Object body, Callback callback) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            Response.writeError(response.getRequest(), response, callback, 500, "cannot render JSON");
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    public static void error(Response response, int status, String message, Callback callback) {
        send(response, status, Map.of("error", message), callback);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
