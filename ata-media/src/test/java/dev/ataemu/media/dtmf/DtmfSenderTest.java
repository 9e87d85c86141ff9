package dev.ataemu.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dsp.Goertzel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DtmfSenderTest {

    @Test
    @DisplayName("HW-30 each digit is its two tones at -7 and -5 dBm0 for the on-time, then silence")
    void sendsEachDigitAsTwoTonesThenSilence() {
        DtmfSender sender = new DtmfSender("5#", 100, 60);
        short[] s = DtmfSignals.render(sender, 320);

        assertThat(Goertzel.levelDbm0(s, 80, 640, 770)).isCloseTo(-7, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 80, 640, 1336)).isCloseTo(-5, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 80, 640, 697)).isLessThan(-30);
        assertThat(Audio.rms(s, 800 - 8, 8)).isGreaterThan(0);
        assertThat(Audio.rms(s, 800, 480)).isZero();
        assertThat(Goertzel.levelDbm0(s, 1280 + 80, 640, 941)).isCloseTo(-7, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 1280 + 80, 640, 1477)).isCloseTo(-5, within(0.5));
        assertThat(Audio.rms(s, 2080, 480)).isZero();
        assertThat(sender.finished()).isTrue();
    }

    @Test
    void isFinishedOnlyAfterTheLastGap() {
        DtmfSender sender = new DtmfSender("12", 40, 40, -10, -10);
        DtmfSignals.render(sender, 140);
        assertThat(sender.finished()).isFalse();
        DtmfSignals.render(sender, 20);
        assertThat(sender.finished()).isTrue();
        assertThat(DtmfSignals.render(sender, 100)).containsOnly((short) 0);
    }

    @Test
    void takesItsOwnLevels() {
        short[] s = DtmfSignals.render(new DtmfSender("D", 200, 0, -20, -16), 200);

        assertThat(Goertzel.levelDbm0(s, 80, 1440, 941)).isCloseTo(-20, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 80, 1440, 1633)).isCloseTo(-16, within(0.5));
    }

    @Test
    void refusesWhatIsNotAKeyOrATiming() {
        assertThatThrownBy(() -> new DtmfSender("12,3", 100, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("','");
        assertThatThrownBy(() -> new DtmfSender("", 100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DtmfSender("1", 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DtmfSender("1", 100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DtmfSender("1", 100, 100, 5, -5)).isInstanceOf(IllegalArgumentException.class);
    }
}
