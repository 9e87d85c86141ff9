package dev.ataemu.core.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stream of a device's {@link DeviceEvent}s; subscribers hear them on the device's scheduler. */
public final class DeviceEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEvents.class);

    private final List<Consumer<DeviceEvent>> subscribers = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<DeviceEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void publish(DeviceEvent event) {
        for (Consumer<DeviceEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // One broken watcher (a closed socket) must not stop the device or the other watchers.
                LOG.warn("an event subscriber failed on {}", event, e);
            }
        }
    }
}
