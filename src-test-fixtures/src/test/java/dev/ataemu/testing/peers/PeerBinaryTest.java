package dev.ataemu.testing.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerBinaryTest {

    @Test
    void aMissingPeerFailsNamingItsDebianPackage() {
        assertThatThrownBy(() -> PeerBinary.require("/usr/sbin/no-such-peer-binary", "no-such-package"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install no-such-package");
    }

    @Test
    void anInstalledPeerIsFoundAtItsDebianPath() {
        assertThat(PeerBinary.require("/bin/sh", "dash")).isExecutable();
    }
}
