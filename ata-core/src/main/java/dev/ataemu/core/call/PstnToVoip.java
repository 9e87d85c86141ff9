package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.line.FxoLine;
import dev.ataemu.core.line.LineParameters;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.core.media.MediaSettingsReader;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dtmf.DtmfDetector;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.sip.call.OutgoingCall;
import dev.ataemu.sip.sdp.MediaAddress;
import dev.ataemu.sip.sdp.Offer;
import dev.ataemu.sip.sdp.OfferBuilder;
import dev.ataemu.sip.sdp.SessionDescription;
import dev.ataemu.sip.ua.UserAgent;
import dev.ataemu.time.Scheduler;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PSTN call nobody answered within "Number of Rings" (P798), taken to VoIP by the HT813's FXO
 * account (FXO-13 to FXO-17): the line is seized; with "Unconditional Call Forward to VoIP"
 * (P3305-P3307) that number is called at once; else the PSTN caller hears the prompt tone and
 * keys the PIN (P795) when one is set, then hears dial tone and keys the VoIP number, ended by
 * {@code #} or 4 s. The keys are detected in the line's audio. The caller hears ring-back, then
 * the VoIP party; a failed call gets the busy tone and the line is released.
 */
final class PstnToVoip implements OutgoingCall.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(PstnToVoip.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int PIN = 795;
    static final int FORWARD_USER = 3305;
    static final int FORWARD_SERVER = 3306;
    static final int FORWARD_PORT = 3307;
    private static final Duration DIGIT_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration BUSY_BEFORE_RELEASE = Duration.ofSeconds(5);

    private enum Stage { PIN, DIALING, CALLING, CONNECTED, OVER }

    private final int port;
    private final FxoLine line;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final InetAddress address;
    private final MediaTransport transport;
    private final Supplier<Optional<UserAgent>> agent;
    private final String sdpHost;
    private final DtmfDetector detector;
    private final StringBuilder dialed = new StringBuilder();
    private Stage stage = Stage.DIALING;
    private volatile AudioSource toLine = AudioSource.SILENCE;
    private volatile Consumer<short[]> toNetwork = frame -> { };
    private PinEntry pinEntry;
    private Scheduler.Timer digitTimer;
    private Offer offer;
    private MediaSettings settings;
    private OutgoingCall call;
    private CallMedia media;

    PstnToVoip(int port, FxoLine line, ParameterStore store, Scheduler scheduler, InetAddress address,
            MediaTransport transport, Supplier<Optional<UserAgent>> agent, String sdpHost) {
        this.port = port;
        this.line = line;
        this.store = store;
        this.scheduler = scheduler;
        this.address = address;
        this.transport = transport;
        this.agent = agent;
        this.sdpHost = sdpHost;
        this.detector = new DtmfDetector(digit -> scheduler.execute(() -> lineKey(digit.symbol())));
    }

    /** Seizes the line and starts with the forward, the PIN or dial tone. */
    void start() {
        line.connectVoip(frame -> toLine.read(frame), this::fromLine, this::pstnGone);
        String forwardUser = store.getOrEmpty(FORWARD_USER).strip();
        if (!forwardUser.isEmpty()) {
            String server = store.getOrEmpty(FORWARD_SERVER).strip();
            String uri = server.isEmpty() ? "" : "sip:" + forwardUser + "@" + server + ":" + store.getIntOr(FORWARD_PORT, 5060);
            LOG.info("port {}: PSTN call forwarded to VoIP {}", port, uri.isEmpty() ? forwardUser : uri);
            place(forwardUser, uri);
            return;
        }
        String pin = store.getOrEmpty(PIN).strip();
        if (!pin.isEmpty()) {
            stage = Stage.PIN;
            tone(4041);
            pinEntry = new PinEntry(pin, scheduler, this::dialTone, this::release);
            return;
        }
        dialTone();
    }

    private void fromLine(short[] frame) {
        Stage now = stage;
        if (now == Stage.PIN || now == Stage.DIALING) {
            detector.process(frame);
        }
        toNetwork.accept(frame);
    }

    private void lineKey(char key) {
        switch (stage) {
            case PIN -> pinEntry.key(key);
            case DIALING -> dialKey(key);
            default -> { }
        }
    }

    private void dialTone() {
        stage = Stage.DIALING;
        tone(LineParameters.DIAL_TONE);
    }

    private void dialKey(char key) {
        cancelDigitTimer();
        if (key == '#') {
            dialingEnded();
            return;
        }
        if (dialed.isEmpty()) {
            toLine = AudioSource.SILENCE;
        }
        dialed.append(key);
        digitTimer = scheduler.schedule(DIGIT_TIMEOUT, this::dialingEnded);
    }

    private void dialingEnded() {
        cancelDigitTimer();
        if (stage != Stage.DIALING) {
            return;
        }
        if (dialed.isEmpty()) {
            release();
            return;
        }
        LOG.info("port {}: the PSTN caller dialed {}", port, dialed);
        place(dialed.toString(), "");
    }

    /** Calls {@code user} at the account's server, or {@code uri} when given, from the FXO account. */
    private void place(String user, String uri) {
        stage = Stage.CALLING;
        Optional<UserAgent> account = agent.get();
        if (account.isEmpty()) {
            failed(480, "no FXO account");
            return;
        }
        settings = MediaSettingsReader.read(store, port);
        offer = new OfferBuilder(Vocoders.preferences(settings), RANDOM)
                .offer(OfferAnswer.session(sdpHost), new MediaAddress(sdpHost, settings.rtpPort(0)), false);
        tone(LineParameters.RINGBACK_TONE);
        try {
            // The PSTN caller's ID, as the line gave it, names the caller of the VoIP call (FXO-23).
            String caller = line.lastCallerId().map(id -> id.name().or(id::number).orElse("")).orElse("");
            call = !uri.isEmpty() ? account.get().callUri(uri, offer.description().format(), Optional.empty(), this)
                    : caller.isEmpty() ? account.get().call(user, offer.description().format(), this)
                    : account.get().callFor(caller, user, offer.description().format(), this);
        } catch (Exception e) {
            LOG.warn("port {}: cannot call {}: {}", port, uri.isEmpty() ? user : uri, e.getMessage());
            failed(500, e.getMessage());
        }
    }

    @Override
    public void ringing() {
        // The local ring-back already plays.
    }

    @Override
    public void answered(String sdp) {
        if (stage != Stage.CALLING) {
            return;
        }
        try {
            media = CallMedia.open(transport, address, settings, offer.readAnswer(SessionDescription.parse(sdp)));
        } catch (Exception e) {
            LOG.warn("port {}: the answer cannot be used ({})", port, e.getMessage());
            call.hangUp();
            failed(488, "Not Acceptable Here");
            return;
        }
        stage = Stage.CONNECTED;
        toLine = media.stream().toLine();
        toNetwork = media.stream().fromLine();
    }

    @Override
    public void failed(int status, String reason) {
        if (stage == Stage.OVER) {
            return;
        }
        LOG.info("port {}: the call for the PSTN caller failed: {} {}", port, status, reason);
        stage = Stage.OVER;
        tone(LineParameters.BUSY_TONE);
        scheduler.schedule(BUSY_BEFORE_RELEASE, line::endVoip);
    }

    @Override
    public void ended() {
        release();
    }

    /** The PSTN caller hung up. */
    private void pstnGone() {
        Stage was = stage;
        stage = Stage.OVER;
        end(was);
    }

    private void release() {
        Stage was = stage;
        stage = Stage.OVER;
        line.endVoip();
        end(was);
    }

    private void end(Stage was) {
        cancelDigitTimer();
        if (pinEntry != null) {
            pinEntry.cancel();
        }
        if (call != null && (was == Stage.CALLING || was == Stage.CONNECTED)) {
            call.hangUp();
        }
        if (media != null) {
            media.close();
            media = null;
        }
        toNetwork = frame -> { };
        toLine = AudioSource.SILENCE;
    }

    private void tone(int parameter) {
        toLine = new ToneGenerator(ToneSpec.parse(store.get(parameter)));
    }

    private void cancelDigitTimer() {
        if (digitTimer != null) {
            digitTimer.cancel();
            digitTimer = null;
        }
    }
}
