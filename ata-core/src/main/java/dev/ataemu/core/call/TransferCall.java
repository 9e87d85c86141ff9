package dev.ataemu.core.call;

import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.sip.call.OutgoingCall;
import dev.ataemu.sip.call.Referrals;
import dev.ataemu.sip.sdp.Offer;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.sip.sdp.SessionDescription;
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

        /** The old call, whose place on the line the new one takes. */
        LineCall replaced();
    }

    private final OutgoingCalls calls;
    private final Offer offer;
    private final Referrals.Report report;
    private final Transferee transferee;
    OutgoingCall call;
    private boolean rang;

    TransferCall(OutgoingCalls calls, FxsLine line, MediaSettings settings, SdpSession session, int channel, Offer offer,
            Referrals.Report report, Transferee transferee) {
        super(calls, line, settings, session, channel);
        this.calls = calls;
        this.offer = offer;
        this.report = report;
        this.transferee = transferee;
    }

    @Override
    protected boolean placedHere() {
        return true;
    }

    @Override
    protected dev.ataemu.sip.call.EstablishedCall sip() {
        return call;
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
            // The other channel: the old call still holds its own until it is let go.
            media = CallMedia.open(calls.transport(), calls.address(), settings,
                    offer.readAnswer(SessionDescription.parse(sdp)), channel);
        } catch (Exception e) {
            LOG.warn("the transfer target's answer cannot be used ({})", e.getMessage());
            call.hangUp();
            failed(488, "Not Acceptable Here");
            return;
        }
        keys = media.keys(settings, call::sendKey);
        line.takeOver(transferee.replaced(), this, heard(), said(), keys.tonesInAudio());
        report.progress(200, "OK");
        transferee.handedOver();
    }

    @Override
    public void failed(int status, String reason) {
        closeMedia();
        report.progress(status, reason);
        if (transferee.gone()) {
            line.farEndHungUp(transferee.replaced());
        }
    }

    @Override
    public void ended() {
        closeMedia();
        line.farEndHungUp(this);
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
