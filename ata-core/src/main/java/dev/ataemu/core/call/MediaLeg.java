package dev.ataemu.core.call;

import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.sip.call.EstablishedCall;
import dev.ataemu.sip.sdp.MediaAddress;
import dev.ataemu.sip.sdp.Offer;
import dev.ataemu.sip.sdp.OfferBuilder;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.sip.sdp.SessionDescription;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an FXS port's SIP call has, whichever side placed it: its media channel and RTP stream, the
 * keys and flashes the phone sends through it (and the far end's relayed keys back), hold and
 * resume by re-INVITE, and the transfers the phone asks of its far end (REFER).
 */
abstract class MediaLeg implements LineCall {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLeg.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    protected final FxsLine line;
    /** The port's outgoing calls: where transfer targets and our SDP address come from. */
    private final OutgoingCalls calls;
    protected final MediaSettings settings;
    protected final SdpSession session;
    protected final String sdpHost;
    /** The port's media channel this call holds (its RTP port), or -1 when it holds none. */
    protected int channel;
    protected CallMedia media;
    protected CallKeys keys;

    MediaLeg(OutgoingCalls calls, FxsLine line, MediaSettings settings, SdpSession session, int channel) {
        this.calls = calls;
        this.line = line;
        this.settings = settings;
        this.session = session;
        this.sdpHost = calls.sdpHost();
        this.channel = channel;
    }

    /** The call's SIP side once it exists (null while it is being placed). */
    protected abstract EstablishedCall sip();

    /** Where the call's RTP goes and comes from, as our SDP names it. */
    protected MediaAddress localMedia() {
        return new MediaAddress(sdpHost, settings.rtpPort(Math.max(0, channel)));
    }

    @Override
    public void key(FxsLine pressed, char key) {
        if (keys != null) {
            keys.pressed(key);
        }
    }

    @Override
    public void flash(FxsLine flashed) {
        if (keys != null) {
            keys.flashed();
        }
    }

    @Override
    public boolean passesFlash() {
        return settings.sendFlashEvent();
    }

    /**
     * Hold: a re-INVITE whose offer is {@code a=sendonly} (with {@code c=0.0.0.0} under "RFC2543
     * Hold"); resume: the same offer with {@code a=sendrecv}. The far end's answer moves the media
     * as any answer would; a refused re-offer leaves the call as it was.
     */
    @Override
    public void hold(FxsLine holding, boolean held) {
        EstablishedCall call = sip();
        if (call == null || media == null) {
            return;
        }
        Offer offer = new OfferBuilder(Vocoders.preferences(settings).withRfc2543Hold(settings.rfc2543Hold()), RANDOM)
                .offer(session, localMedia(), held);
        call.reoffer(offer.description().format(), new EstablishedCall.ReofferListener() {
            @Override
            public void answered(String sdp) {
                if (media == null) {
                    return;
                }
                try {
                    if (media.follow(offer.readAnswer(SessionDescription.parse(sdp)))) {
                        joinLine();
                    }
                } catch (Exception e) {
                    LOG.info("the answer to our {} cannot be used ({})", held ? "hold" : "resume", e.getMessage());
                }
            }

            @Override
            public void failed(int status) {
                LOG.info("the far end refused our {} ({})", held ? "hold" : "resume", status);
            }
        });
    }

    /** Hands this call's current stream to the line (after the answer, or when a new codec replaced it). */
    protected void joinLine() {
        keys = media.keys(settings, sip()::sendKey);
        line.connectAudio(this, media.stream().toLine(), media.stream().fromLine(), keys.tonesInAudio());
    }

    @Override
    public void transfer(FxsLine transferring, String number, TransferResult result) {
        EstablishedCall call = sip();
        if (call == null) {
            result.outcome(NOT_TRANSFERABLE);
            return;
        }
        call.refer("<" + calls.forwardUri(number) + ">", result::outcome);
    }

    @Override
    public void transfer(FxsLine transferring, LineCall consulted, TransferResult result) {
        EstablishedCall call = sip();
        if (call == null || !(consulted instanceof MediaLeg other) || other.sip() == null) {
            result.outcome(NOT_TRANSFERABLE);
            return;
        }
        call.refer(referToReplacing(other.sip(), calls.referToContact()), result::outcome);
    }

    /** {@code <uri?Replaces=call-id;to-tag=...;from-tag=...>} naming the consulted call (RFC 3891, RFC 5589). */
    static String referToReplacing(EstablishedCall consulted, boolean contact) {
        String uri = contact ? consulted.remoteTarget() : consulted.remoteUri();
        String escaped = consulted.replaces().replace("%", "%25").replace(";", "%3B").replace("=", "%3D")
                .replace("@", "%40");
        return "<" + uri + "?Replaces=" + escaped + ">";
    }

    /** A key the far end relayed by SIP INFO. */
    protected void relayed(char key) {
        if (keys != null) {
            keys.relayed(key);
        }
    }

    /** Ends the media and gives the channel back. */
    protected void closeMedia() {
        if (media != null) {
            media.close();
            media = null;
            keys = null;
        }
        if (channel >= 0) {
            line.channels().release(channel);
            channel = -1;
        }
    }
}
