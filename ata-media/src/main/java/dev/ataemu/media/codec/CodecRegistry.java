package dev.ataemu.media.codec;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The codecs the emulator can speak, by SDP encoding name and clock rate. Adding a codec is one
 * new class and one {@link #register} call.
 */
public final class CodecRegistry {

    private final Map<String, Codec> byName = new LinkedHashMap<>();

    public CodecRegistry register(Codec codec) {
        Codec clash = byName.putIfAbsent(key(codec.encodingName(), codec.clockRate()), codec);
        if (clash != null) {
            throw new IllegalArgumentException(codec.encodingName() + "/" + codec.clockRate() + " is registered twice");
        }
        return this;
    }

    /** The codec an rtpmap names, e.g. {@code PCMU/8000}; names match in any letter case. */
    public Optional<Codec> find(String encodingName, int clockRate) {
        return Optional.ofNullable(byName.get(key(encodingName, clockRate)));
    }

    public Collection<Codec> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    private static String key(String name, int clockRate) {
        return name.toUpperCase(Locale.ROOT) + "/" + clockRate;
    }
}
