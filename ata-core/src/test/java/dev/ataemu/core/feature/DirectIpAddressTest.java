package dev.ataemu.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectIpAddressTest {

    @ParameterizedTest(name = "{0} is {1}:{2}")
    @DisplayName("CALL-09 STAR-09 a star-encoded address: * for each dot, one more before the port, 5060 without one")
    @CsvSource({"192*168*0*160, 192.168.0.160, 5060", "192*168*1*20*5062, 192.168.1.20, 5062", "10*0*0*1*1, 10.0.0.1, 1"})
    void readsTheManualsExamples(String keys, String host, int port) {
        assertThat(DirectIpAddress.parse(keys)).contains(new DirectIpAddress(host, port));
    }

    @ParameterizedTest(name = "keys ''{0}''")
    @DisplayName("CALL-09 what is not an address is refused")
    @ValueSource(strings = {"", "192*168*0", "192*168*0*256", "192**0*1", "1*2*3*4*5*6", "1*2*3*4*70000", "1*2*3*4*0", "1*2*3*4*"})
    void refusesWhatIsNotAnAddress(String keys) {
        assertThat(DirectIpAddress.parse(keys)).isEmpty();
    }
}
