package dev.ataemu.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ataemu.core.device.Device;
import dev.ataemu.web.server.JsonResponses;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client of {@code /api/emulator/events}: it first gets the whole state, then every device event
 * as a JSON text message, in order, until it closes. Messages go out one at a time; a client that
 * falls far behind is cut off rather than let the queue grow without end.
 */
public final class EventsSocket implements Session.Listener.AutoDemanding {

    private static final int MAX_QUEUED = 10_000;

    private final Device device;
    private final Deque<String> queue = new ArrayDeque<>();
    private Session session;
    private boolean sending;
    private Runnable unsubscribe = () -> { };

    EventsSocket(Device device) {
        this.device = device;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        unsubscribe = device.events().subscribe(event -> send(EventJson.of(event)));
        send(Map.of("type", "state", "state", StateJson.of(device)));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        unsubscribe.run();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        unsubscribe.run();
    }

    private void send(Object message) {
        String text;
        try {
            text = JsonResponses.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an event", e);
        }
        synchronized (queue) {
            if (queue.size() >= MAX_QUEUED) {
                unsubscribe.run();
                session.close(1008, "too far behind", Callback.NOOP);
                return;
            }
            queue.add(text);
        }
        sendNext();
    }

    private void sendNext() {
        String next;
        synchronized (queue) {
            if (sending || queue.isEmpty() || !session.isOpen()) {
                return;
            }
            sending = true;
            next = queue.poll();
        }
        session.sendText(next, Callback.from(this::sent, failure -> unsubscribe.run()));
    }

    private void sent() {
        synchronized (queue) {
            sending = false;
        }
        sendNext();
    }
}
