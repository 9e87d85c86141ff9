package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.media.DtmfMethod;
import dev.ataemu.core.media.MediaSettingsReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallKeysTest {

    @Test
    @DisplayName("DTMF-03 the first method of the account's order the call can use sends the keys")
    void firstUsableMethod() {
        List<DtmfMethod> order = List.of(DtmfMethod.RFC2833, DtmfMethod.SIP_INFO, DtmfMethod.IN_AUDIO);
        assertThat(CallKeys.choose(order, true)).isEqualTo(DtmfMethod.RFC2833);
        assertThat(CallKeys.choose(order, false)).as("no telephone-event in the answer").isEqualTo(DtmfMethod.SIP_INFO);
        assertThat(CallKeys.choose(List.of(DtmfMethod.RFC2833), false)).isEqualTo(DtmfMethod.IN_AUDIO);
        assertThat(CallKeys.choose(List.of(DtmfMethod.IN_AUDIO, DtmfMethod.RFC2833), true)).isEqualTo(DtmfMethod.IN_AUDIO);
    }

    @Test
    @DisplayName("DTMF-02 DTMF-03 each model's default order: HT502 in-audio, HT813 RFC 2833, SIP INFO, in-audio")
    void defaultOrders(@TempDir Path dir) {
        ParameterCatalog catalog = ParameterCatalog.builtIn();
        ParameterStore ht502 = ParameterStore.open(catalog.forModel(DeviceModels.HT502.id()), dir.resolve("502"), "test");
        ParameterStore ht813 = ParameterStore.open(catalog.forModel(DeviceModels.HT813.id()), dir.resolve("813"), "test");
        assertThat(MediaSettingsReader.read(ht502, 1).dtmfMethods()).containsExactly(DtmfMethod.IN_AUDIO);
        assertThat(MediaSettingsReader.read(ht813, 1).dtmfMethods())
                .containsExactly(DtmfMethod.RFC2833, DtmfMethod.SIP_INFO, DtmfMethod.IN_AUDIO);
        assertThat(MediaSettingsReader.read(ht813, 2).dtmfMethods())
                .containsExactly(DtmfMethod.RFC2833, DtmfMethod.SIP_INFO, DtmfMethod.IN_AUDIO);
    }
}
