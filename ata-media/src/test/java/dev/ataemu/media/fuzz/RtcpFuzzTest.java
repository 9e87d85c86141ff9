package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.rtp.DropCounters;
import dev.ataemu.media.rtp.DropReason;
import dev.ataemu.media.rtp.Rtcp;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** RTCP compound packets as they arrive on a call's RTCP port. */
class RtcpFuzzTest {

    @DisplayName("MEDIA-23 any datagram yields the well-formed SR/RR reports before the first malformed part")
    @FuzzTest
    void compound(byte[] datagram) {
        DropCounters drops = new DropCounters();
        List<Rtcp.Report> reports = Rtcp.reports(datagram, datagram.length, drops);
        assertThat(drops.total()).isEqualTo(drops.get(DropReason.MALFORMED_RTCP)).isLessThanOrEqualTo(1);
        for (Rtcp.Report report : reports) {
            assertThat(report.blocks()).hasSizeLessThanOrEqualTo(31);
            // What we read, written as our own compound packet, reads back the same.
            byte[] again = Rtcp.compound(report.senderSsrc(), report.senderInfo(), report.blocks(), "fuzz@ata");
            DropCounters none = new DropCounters();
            assertThat(Rtcp.reports(again, again.length, none)).containsExactly(report);
            assertThat(none.total()).isZero();
        }
    }
}
