package dev.ataemu.core.call;

import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.sip.call.OutgoingCall;
import dev.ataemu.sip.call.Referrals;
import dev.ataemu.sip.sdp.Offer;
import dev.ataemu.sip.sdp.SessionDescription;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call a transfer asks for (RFC 3515, the device being transferred): its progress goes back to
 * the transferor, and when the target answers, the phone's audio moves over to it and the old
 * call is let go. If it fails, the phone stays with the old call, or hears the busy tone when
 * that one is gone already.
 */
final class TransferCall extends MediaLeg implements OutgoingCall.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(TransferCall.class);

    /** What the transferred call hears of its replacement. */
    interface Transferee {
        /** The target answered: the old call's media goes; its transferor ends its dialog. */
        void handedOver();

        /** Whether the old call has ended already (the transferor hung up first). */
        boolean gone();
    }

    private final FxsLine line;
    private final MediaSettings settings;
    private final Offer offer;
    private final MediaTransport transport;
    private final InetAddress address;
    private final Referrals.Report report;
    private final Transferee transferee;
    OutgoingCall call;
    private boolean rang;

    TransferCall(FxsLine line, MediaSettings settings, Offer offer, MediaTransport transport, InetAddress address,
            Referrals.Report report, Transferee transferee) {
        this.line = line;
        this.settings = settings;
        this.offer = offer;
        this.transport = transport;
        this.address = address;
        this.report = report;
        this.transferee = transferee;
    }

    @Override
    public void ringing() {
        if (!rang) {
            rang = true;
            report.progress(180, "Ringing");
        }
    }

    @Override
    public void answered(String sdp) {
        try {
            // Channel 1: the old call still holds channel 0 until it is let go.
            media = CallMedia.open(transport, address, settings, offer.readAnswer(SessionDescription.parse(sdp)), 1);
        } catch (Exception e) {
            LOG.warn("the transfer target's answer cannot be used ({})", e.getMessage());
            call.hangUp();
            failed(488, "Not Acceptable Here");
            return;
        }
        keys = media.keys(settings, call::sendKey);
        line.takeOver(this, media.stream().toLine(), media.stream().fromLine(), keys.tonesInAudio());
        report.progress(200, "OK");
        transferee.handedOver();
    }

    @Override
    public void failed(int status, String reason) {
        report.progress(status, reason);
        if (transferee.gone()) {
            line.farEndHungUp();
        }
    }

    @Override
    public void ended() {
        line.farEndHungUp();
        closeMedia();
    }

    @Override
    public void key(char key) {
        relayed(key);
    }

    @Override
    public void hungUp(FxsLine hungUpLine) {
        if (call != null) {
            call.hangUp();
        }
        closeMedia();
    }
}
