package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterStoreTest {

    @TempDir
    Path folder;

    private final ModelCatalog catalog = TestCatalogs.small().forModel("HT502");

    private ParameterStore open() {
        return ParameterStore.open(catalog, folder.resolve("config.txt"), "test device");
    }

    @Test
    void aNewStoreHoldsTheFactoryDefaults() {
        ParameterStore store = open();

        assertThat(store.get(2)).isEqualTo("admin");
        assertThat(store.getInt(8)).isZero();
        assertThat(store.get(4000)).isEqualTo("f1=350@-13,f2=440@-13,c=0/0;");
        assertThat(store.changedFromDefaults()).isEmpty();
        assertThat(store.snapshot()).hasSize(catalog.size());
    }

    @Test
    void typedReadsRefuseTheWrongType() {
        ParameterStore store = open();
        assertThatThrownBy(() -> store.getInt(3)).hasMessageContaining("P3 is not a number");
        assertThatThrownBy(() -> store.get(195)).hasMessageContaining("the HT502 has no P195");
    }

    @Test
    @DisplayName("PROV-17 MGMT-03 an accepted batch of P-values is stored and survives reopening")
    void anAcceptedBatchIsStoredAndSurvivesReopening() {
        ParameterStore store = open();
        store.apply(Map.of("P3", "Alice", "P47", "pbx.example.com:5060", "P8", "1"));

        ParameterStore reopened = open();
        assertThat(reopened.get(3)).isEqualTo("Alice");
        assertThat(reopened.get(47)).isEqualTo("pbx.example.com:5060");
        assertThat(reopened.isSet(8)).isTrue();
    }

    @Test
    @DisplayName("WEB-14 WEB-15 a saved change is kept and shown, but runs only once it takes effect (a reboot, Apply); "
            + "listeners hear it then")
    void savedChangesTakeEffectLater() {
        ParameterStore store = open();
        java.util.List<ChangeSet> heard = new java.util.ArrayList<>();
        store.onChange(heard::add);
        store.save(Map.of("P3", "Alice", "P47", "pbx.example.com"));

        assertThat(store.get(3)).as("running").isEmpty();
        assertThat(store.saved(3)).isEqualTo("Alice");
        assertThat(store.changesWaiting()).isTrue();
        assertThat(heard).isEmpty();
        assertThat(open().get(3)).as("kept: a restart runs it").isEqualTo("Alice");

        store.save(Map.of("P3", ""));
        assertThat(store.get(3)).isEmpty();
        assertThat(store.saved(3)).isEmpty();

        ChangeSet took = store.takeEffect();
        assertThat(took.changes()).containsOnlyKeys(47);
        assertThat(store.get(47)).isEqualTo("pbx.example.com");
        assertThat(heard).hasSize(1);
        assertThat(store.changesWaiting()).isFalse();
    }

    @Test
    @DisplayName("WEB-15 applying a P-value that waits makes it run at once; a reset restores the running value too")
    void applyAndResetOverWaitingChanges() {
        ParameterStore store = open();
        store.save(Map.of("P3", "Alice", "P47", "pbx.example.com"));
        store.apply(Map.of("P3", "Bob"));
        assertThat(store.get(3)).isEqualTo("Bob");
        assertThat(store.get(47)).isEmpty();
        store.reset(ResetType.FULL);
        assertThat(store.get(47)).isEmpty();
        assertThat(store.saved(47)).isEmpty();
        assertThat(store.changesWaiting()).isFalse();
    }

    @Test
    void theStoredFileIsAGrandstreamTextConfig() throws IOException {
        open().apply(Map.of("P3", "Alice", "P47", "pbx.example.com"));

        String text = Files.readString(folder.resolve("config.txt"));
        assertThat(text).startsWith("# test device\n").contains("P3 = Alice\n").contains("P47 = pbx.example.com\n");
    }

    @Test
    @DisplayName("a batch with one bad value changes nothing and names the bad key")
    void aBatchWithOneBadValueChangesNothingAndNamesTheBadKey() throws IOException {
        ParameterStore store = open();
        store.apply(Map.of("P3", "Alice"));
        byte[] fileBefore = Files.readAllBytes(folder.resolve("config.txt"));
        List<ChangeSet> heard = new ArrayList<>();
        store.onChange(heard::add);

        Map<String, String> batch = new LinkedHashMap<>();
        batch.put("P3", "Bob");
        batch.put("P8", "7");
        batch.put("P47", "pbx.example.com");

        assertThatThrownBy(() -> store.apply(batch))
                .isInstanceOf(RejectedChangesException.class)
                .hasMessage("P8=7: must be one of 0=DHCP, 1=Static IP, 2=PPPoE");
        assertThat(store.get(3)).isEqualTo("Alice");
        assertThat(store.get(47)).isEmpty();
        assertThat(Files.readAllBytes(folder.resolve("config.txt"))).isEqualTo(fileBefore);
        assertThat(heard).isEmpty();
    }

    @Test
    void everyRefusedEntryIsReported() {
        Map<String, String> batch = new LinkedHashMap<>();
        batch.put("P99999", "1");
        batch.put("P9", "256");
        batch.put("hello", "x");
        batch.put("P195", "*00");

        assertThatThrownBy(() -> open().apply(batch))
                .isInstanceOfSatisfying(RejectedChangesException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(
                                "P99999=1: the HT502 has no such P-value",
                                "P9=256: must be from 0 to 255",
                                "hello=x: not a P-value name such as P47",
                                "P195=*00: the HT502 has no such P-value"));
    }

    @Test
    @DisplayName("WEB-43 values are checked by type, range, length and character set")
    void valuesAreCheckedByType() {
        ParameterStore store = open();
        assertRefused(store, "P9", "ten", "must be a whole number from 0 to 255");
        assertRefused(store, "P2", "has space", "contains ' ', which is not allowed here");
        assertRefused(store, "P2", "x".repeat(31), "at most 30 are allowed");
        assertRefused(store, "P47", "http://pbx.example.com", "without a scheme");
        assertRefused(store, "P121", "10.0.0.300", "each part from 0 to 255");
        assertRefused(store, "P4000", "f1=350@-13,c=abc;", "is not a valid tone");
        assertRefused(store, "P4000", "f1=20000@-13;", "outside 300-3400 Hz");
        assertRefused(store, "P4040", "f1=350@-13,c=2000/4000;", "takes no frequency");
        assertRefused(store, "P242", "xyz", "hexadecimal");
        assertRefused(store, "P3", "line\u0000break", "control character 0x0");

        store.apply(Map.of("P47", "10.0.0.1:5070", "P121", "10.0.0.30", "P4000", "f1=440@-10,c=250/250-500/500;",
                "P242", "00ff", "P280", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));
        assertThat(store.get(4000)).isEqualTo("f1=440@-10,c=250/250-500/500;");
    }

    @Test
    void multiLineAndOddValuesSurviveTheFileRoundTrip() {
        String certificate = "-----BEGIN CERTIFICATE-----\r\nMIIB\\x\n-----END CERTIFICATE-----\n";
        ParameterStore store = open();
        store.apply(Map.of("P280", certificate, "P3", " two spaces  "));

        ParameterStore reopened = open();
        assertThat(reopened.get(280)).isEqualTo(certificate);
        assertThat(reopened.get(3)).isEqualTo(" two spaces  ");
    }

    @Test
    @DisplayName("BOOT-16 listeners hear what changed and whether it needs a reboot")
    void listenersHearWhatChangedAndWhetherItNeedsAReboot() {
        ParameterStore store = open();
        List<ChangeSet> heard = new ArrayList<>();
        store.onChange(heard::add);

        store.apply(Map.of("P3", "Alice"));
        store.apply(Map.of("P3", "Alice"));
        store.apply(Map.of("P8", "1", "P9", "10"));

        assertThat(heard).hasSize(2);
        assertThat(heard.get(0).changes()).containsEntry(3, new ChangeSet.Change("", "Alice"));
        assertThat(heard.get(0).rebootRequired()).isFalse();
        assertThat(heard.get(1).changes()).containsOnlyKeys(8, 9);
        assertThat(heard.get(1).rebootRequired()).isTrue();
    }

    @Test
    void settingADefaultValueRemovesTheEntryFromTheFile() throws IOException {
        ParameterStore store = open();
        store.apply(Map.of("P3", "Alice"));
        store.apply(Map.of("P3", ""));

        assertThat(store.changedFromDefaults()).isEmpty();
        assertThat(Files.readString(folder.resolve("config.txt"))).doesNotContain("P3");
    }

    @Test
    void keysMayBeWrittenWithOrWithoutTheP() {
        ParameterStore store = open();
        store.apply(Map.of("p3", "Alice", "35", "1001"));
        assertThat(store.get(3)).isEqualTo("Alice");
        assertThat(store.get(35)).isEqualTo("1001");
    }

    @Test
    @DisplayName("RST-05 a full reset restores every P-value")
    void aFullResetRestoresEverything() {
        ParameterStore store = open();
        store.apply(Map.of("P2", "secret", "P3", "Alice", "P8", "1", "P88", "1"));

        ChangeSet restored = store.reset(ResetType.FULL);

        assertThat(restored.changes()).containsOnlyKeys(2, 3, 8, 88);
        assertThat(open().changedFromDefaults()).isEmpty();
    }

    @Test
    @DisplayName("RST-05 an ISP-data reset restores only the basic network settings")
    void anIspDataResetRestoresOnlyTheBasicNetworkSettings() {
        ParameterStore store = open();
        store.apply(Map.of("P2", "secret", "P3", "Alice", "P8", "1", "P9", "10"));

        store.reset(ResetType.ISP_DATA);

        assertThat(open().changedFromDefaults()).containsOnlyKeys(2, 3);
    }

    @Test
    @DisplayName("RST-05 a VoIP-data reset restores only the service-provider data")
    void aVoipDataResetRestoresOnlyTheServiceProviderData() {
        ParameterStore store = open();
        store.apply(Map.of("P2", "secret", "P3", "Alice", "P47", "pbx.example.com", "P8", "1", "P242", "00ff"));

        store.reset(ResetType.VOIP_DATA);

        assertThat(open().changedFromDefaults()).containsOnlyKeys(2, 8);
    }

    @Test
    void aStoredFileWithBadLinesStillLoadsWhatItCan() throws IOException {
        Files.writeString(folder.resolve("config.txt"), String.join("\n",
                "# hand edited",
                "P3 = Alice",
                "this line has no equals sign",
                "P8 = 9",
                "P99999 = 1",
                "P47=pbx.example.com",
                ""), StandardCharsets.UTF_8);

        ParameterStore store = open();

        assertThat(store.get(3)).isEqualTo("Alice");
        assertThat(store.get(47)).isEqualTo("pbx.example.com");
        assertThat(store.getInt(8)).isZero();
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsIgnored() throws IOException {
        open().apply(Map.of("P3", "Alice"));
        Files.writeString(folder.resolve("config.txt.tmp"), "P3 = half-writ");

        assertThat(open().get(3)).isEqualTo("Alice");
        assertThat(folder.resolve("config.txt.tmp")).doesNotExist();
    }

    private static void assertRefused(ParameterStore store, String key, String value, String reason) {
        assertThatThrownBy(() -> store.apply(Map.of(key, value)))
                .isInstanceOf(RejectedChangesException.class)
                .hasMessageContaining(reason);
    }
}
