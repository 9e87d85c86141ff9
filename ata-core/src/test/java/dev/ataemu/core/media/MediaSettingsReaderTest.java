package dev.ataemu.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.media.jitter.JitterBufferLength;
import dev.ataemu.media.jitter.JitterBufferType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSettingsReaderTest {

    @TempDir
    Path folder;

    private ParameterStore store(String model) {
        return ParameterStore.open(ParameterCatalog.builtIn().forModel(model), folder.resolve(model + ".txt"), "test");
    }

    @Test
    @DisplayName("MEDIA-03 MEDIA-12 the factory media settings of the HT813's FXS port")
    void ht813Defaults() {
        MediaSettings settings = MediaSettingsReader.read(store("HT813"), 1);

        assertThat(settings.vocoders()).containsExactly(0, 8, 4, 18, 2, 97, 123);
        assertThat(settings.packetMs()).isEqualTo(20);
        assertThat(settings.rtpPort(0)).isEqualTo(5004);
        assertThat(settings.rtpPort(1)).isEqualTo(5006);
        assertThat(settings.dtmfPayloadType()).isEqualTo(101);
        assertThat(settings.jitterType()).isEqualTo(JitterBufferType.ADAPTIVE);
        assertThat(settings.jitterLength()).isEqualTo(JitterBufferLength.MEDIUM);
        assertThat(settings.srtp()).isEqualTo(MediaSettings.SrtpMode.DISABLED);
        assertThat(settings.rtcp()).isTrue();
        assertThat(settings.eventsCount()).isEqualTo(8);
        assertThat(settings.opusPayloadType()).isEqualTo(123);
    }

    @Test
    @DisplayName("MEDIA-12 MEDIA-16 MEDIA-17 MEDIA-18 MEDIA-24 the HT502's second port follows its own P-values")
    void ht502SecondPort() {
        ParameterStore store = store("HT502");
        store.apply(Map.of("P739", "6000", "P460", "1", "P831", "0", "P832", "2", "P443", "2", "P737", "3",
                "P757", "8", "P758", "8"));

        MediaSettings settings = MediaSettingsReader.read(store, 2);

        assertThat(settings.rtpPort(1)).isEqualTo(6002);
        assertThat(settings.symmetricRtp()).isTrue();
        assertThat(settings.jitterType()).isEqualTo(JitterBufferType.FIXED);
        assertThat(settings.jitterLength()).isEqualTo(JitterBufferLength.HIGH);
        assertThat(settings.srtp()).isEqualTo(MediaSettings.SrtpMode.ENABLED_AND_FORCED);
        assertThat(settings.packetMs()).isEqualTo(30);
        assertThat(settings.vocoders()).startsWith(8, 4).doesNotHaveDuplicates();
        assertThat(settings.rtcp()).as("the HT502 has no RTCP switch").isTrue();
    }
}
