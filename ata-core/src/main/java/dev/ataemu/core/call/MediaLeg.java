package dev.ataemu.core.call;

import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;
import dev.ataemu.core.media.FaxSettings;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.fax.FaxToneDetector;
import dev.ataemu.media.fax.T38Gateway;
import dev.ataemu.sip.call.EstablishedCall;
import dev.ataemu.sip.sdp.MediaAddress;
import dev.ataemu.sip.sdp.NegotiatedMedia;
import dev.ataemu.sip.sdp.Offer;
import dev.ataemu.sip.sdp.OfferBuilder;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.sip.sdp.SessionDescription;
import dev.ataemu.sip.sdp.T38Media;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Consumer;
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
    private final FaxSettings fax;
    private final FaxToneDetector lineFaxTones = new FaxToneDetector(this::faxHeard);
    private final FaxToneDetector farFaxTones = new FaxToneDetector(this::faxHeard);
    private boolean faxing;

    MediaLeg(OutgoingCalls calls, FxsLine line, MediaSettings settings, SdpSession session, int channel) {
        this.calls = calls;
        this.line = line;
        this.settings = settings;
        this.session = session;
        this.sdpHost = calls.sdpHost();
        this.channel = channel;
        this.fax = calls.faxSettings();
    }

    /** The call's SIP side once it exists (null while it is being placed). */
    protected abstract EstablishedCall sip();

    /** Whether this port placed the call (it is the caller), rather than answered it. */
    protected abstract boolean placedHere();

    /** What the phone hears of the call: the stream's audio, listened to for a far fax's tones. */
    protected AudioSource heard() {
        AudioSource far = media.stream().toLine();
        return frame -> {
            far.read(frame);
            if (!faxing) {
                farFaxTones.process(frame, frame.length);
            }
        };
    }

    /** Where the phone's voice goes: the stream, after listening for the tones of a fax on the line. */
    protected Consumer<short[]> said() {
        Consumer<short[]> toFar = media.stream().fromLine();
        return frame -> {
            if (!faxing) {
                lineFaxTones.process(frame, frame.length);
            }
            toFar.accept(frame);
        };
    }

    /**
     * The far end's re-INVITE: an offer to switch to T.38 is taken when the port's fax mode is T.38
     * (refused with 488 otherwise, so that the far end keeps the fax in G.711); any other offer is
     * answered as usual.
     */
    public Optional<String> reoffered(String offer) {
        if (media == null) {
            return Optional.empty();
        }
        SessionDescription description = null;
        if (!offer.isBlank()) {
            try {
                description = SessionDescription.parse(offer);
            } catch (Exception unreadable) {
                // Answered below, as any offer that cannot be read.
            }
        }
        if (description == null) {
            return media.reoffered(offer, line.index(), sdpHost, Math.max(0, channel), session, this::joinLine);
        }
        if (T38Media.offered(description)) {
            if (fax.mode() != FaxSettings.Mode.T38) {
                LOG.info("port {}: T.38 offered, refused (fax mode pass-through)", line.index());
                return Optional.empty();
            }
            Optional<T38Media.Answer> answer = T38Media.answer(description, session, localMedia());
            answer.ifPresent(accepted -> relayFax(accepted.agreed()));
            return answer.map(accepted -> accepted.description().format());
        }
        return media.reoffered(description, line.index(), sdpHost, Math.max(0, channel), session, this::joinLine);
    }

    /**
     * A fax or modem tone in either direction turns the line's echo canceller off (as the 2100 Hz
     * tone disables echo cancellers in the network); the side that P894 names switches the call,
     * the other waits for the far end's re-INVITE.
     */
    private void faxHeard(FaxToneDetector.Tone tone) {
        EstablishedCall call = sip();
        if (faxing || media == null || call == null) {
            return;
        }
        line.faxCall();
        if (!fax.detection().switches(placedHere())) {
            LOG.info("port {}: {} tone heard; the far end is to switch the call (fax detection mode {})", line.index(),
                    tone, fax.detection());
            return;
        }
        faxing = true;
        // A modem cannot go by T.38: it always stays in G.711 (CALL-42).
        boolean relay = fax.mode() == FaxSettings.Mode.T38 && tone != FaxToneDetector.Tone.MODEM;
        LOG.info("port {}: {} tone heard; the call goes to {}", line.index(), tone,
                relay && fax.reInvite() ? "T.38" : "G.711 pass-through");
        if (!fax.reInvite()) {
            media.passThrough(media.negotiated());
            joinLine();
        } else if (relay) {
            offerT38(call);
        } else {
            offerPassThrough(call);
        }
    }

    private void offerT38(EstablishedCall call) {
        SessionDescription offer = T38Media.offer(session, localMedia());
        call.reoffer(offer.format(), new EstablishedCall.ReofferListener() {
            @Override
            public void answered(String sdp) {
                Optional<T38Media.Agreed> agreed;
                try {
                    agreed = T38Media.readAnswer(SessionDescription.parse(sdp));
                } catch (Exception e) {
                    agreed = Optional.empty();
                }
                if (media == null) {
                    return;
                }
                if (agreed.isPresent()) {
                    relayFax(agreed.get());
                } else {
                    LOG.info("port {}: the far end did not take T.38; the fax goes on in G.711", line.index());
                    offerPassThrough(call);
                }
            }

            @Override
            public void failed(int status) {
                LOG.info("port {}: the far end refused T.38 ({}); the fax goes on in G.711", line.index(), status);
                if (media != null) {
                    offerPassThrough(call);
                }
            }
        });
    }

    private void offerPassThrough(EstablishedCall call) {
        Offer offer = new OfferBuilder(Vocoders.preferences(settings.forFax()), RANDOM).offer(session, localMedia(), false);
        reoffer(call, offer, "fax re-offer", answered -> {
            media.passThrough(answered);
            joinLine();
        });
    }

    private void relayFax(T38Media.Agreed agreed) {
        faxing = true;
        line.faxCall();
        T38Gateway gateway = media.startFax(agreed.remote());
        keys = null;
        line.connectAudio(this, gateway.toLine(), gateway::fromLine, false);
        LOG.info("port {}: T.38 agreed with {}:{} (version {}, {} bit/s)", line.index(), agreed.remote().address(),
                agreed.remote().port(), agreed.version(), agreed.maxBitRate());
    }

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
        reoffer(call, offer, held ? "hold" : "resume", answered -> {
            if (media.follow(answered)) {
                joinLine();
            }
        });
    }

    /**
     * Sends {@code offer} by re-INVITE; the media the far end's answer agrees goes to {@code take}
     * (while the call still has media); a refusal or an unusable answer leaves the call as it was.
     */
    private void reoffer(EstablishedCall call, Offer offer, String what, Consumer<NegotiatedMedia> take) {
        call.reoffer(offer.description().format(), new EstablishedCall.ReofferListener() {
            @Override
            public void answered(String sdp) {
                if (media == null) {
                    return;
                }
                try {
                    take.accept(offer.readAnswer(SessionDescription.parse(sdp)));
                } catch (Exception e) {
                    LOG.info("port {}: the answer to our {} cannot be used ({})", line.index(), what, e.getMessage());
                }
            }

            @Override
            public void failed(int status) {
                LOG.info("port {}: the far end refused our {} ({})", line.index(), what, status);
            }
        });
    }

    /** Hands this call's current stream to the line (after the answer, or when a new codec replaced it). */
    protected void joinLine() {
        keys = media.keys(settings, sip()::sendKey);
        line.connectAudio(this, heard(), said(), keys.tonesInAudio());
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
