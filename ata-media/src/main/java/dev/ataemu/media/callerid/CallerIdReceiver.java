package dev.ataemu.media.callerid;

import dev.ataemu.media.fsk.FskDemodulator;
import dev.ataemu.media.fsk.FskStandard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The receiving end of caller ID: a simulated telephone's display, or the HT813's FXO port on the
 * PSTN line. It demodulates line audio with one FSK receiver per modem (Bell 202 and V.23 unless a
 * scheme narrows it), cuts the octets into messages, reads them, and reports what they mean. DTMF
 * caller ID arrives as digits from the DTMF detector that already listens to the line; a string is
 * read when its stop digit arrives, so no timer is needed.
 *
 * <p>Both modems hear any FSK burst (their tones are close), so a message that the second modem
 * delivers again within a second is reported once.
 */
public final class CallerIdReceiver {

    /** What the display shows. */
    public interface Listener {
        void callerId(CallerId callerId);

        void messageWaiting(boolean waiting);

        /** A whole message or DTMF string arrived but could not be read. */
        default void rejected(String reason) {
        }
    }

    private static final int DUPLICATE_WINDOW_SAMPLES = 8000;
    private static final int MAX_DTMF = 64;

    private final Listener listener;
    private final List<FskDemodulator> demodulators = new ArrayList<>();
    private final List<MessageAssembler> assemblers = new ArrayList<>();
    private final Optional<DtmfMarkers> dtmfMarkers;
    private final StringBuilder dtmf = new StringBuilder();
    private long samplesSeen;
    private byte[] lastMessage = new byte[0];
    private long lastMessageAt = Long.MIN_VALUE / 2;

    /** Listens for Bell 202 and V.23 FSK, and for DTMF strings started by A and stopped by C or #. */
    public CallerIdReceiver(Listener listener) {
        this(Set.of(FskStandard.BELL_202, FskStandard.V23), Optional.empty(), listener);
    }

    /**
     * Listens with the given modems. DTMF strings run from {@code markers}' start (if any) to its
     * stop; without markers, from A to C or #.
     */
    public CallerIdReceiver(Set<FskStandard> modems, Optional<DtmfMarkers> markers, Listener listener) {
        this.listener = listener;
        this.dtmfMarkers = markers;
        for (FskStandard modem : modems) {
            MessageAssembler assembler = new MessageAssembler(this::message);
            assemblers.add(assembler);
            demodulators.add(new FskDemodulator(modem, new FskDemodulator.Listener() {
                @Override
                public void octet(int value) {
                    assembler.octet(value);
                }

                @Override
                public void carrierLost() {
                    assembler.reset();
                }
            }));
        }
    }

    /** Listens the way a phone (or the FXO port) set to {@code scheme} does. */
    public static CallerIdReceiver forScheme(CallerIdScheme scheme, DtmfMarkers markers, Listener listener) {
        Set<FskStandard> modems = scheme.modulation().fsk().map(Set::of).orElse(Set.of());
        return new CallerIdReceiver(modems, Optional.of(markers), listener);
    }

    public void process(short[] samples) {
        process(samples, 0, samples.length);
    }

    public void process(short[] samples, int offset, int length) {
        for (FskDemodulator demodulator : demodulators) {
            demodulator.process(samples, offset, length);
        }
        samplesSeen += length;
    }

    /** A digit from the line's DTMF detector. */
    public void dtmfDigit(char digit) {
        char start = dtmfMarkers.map(markers -> markers.start().orElse(' ')).orElse('A');
        if (digit == start) {
            dtmf.setLength(0);
        }
        dtmf.append(digit);
        boolean stop = dtmfMarkers.map(markers -> digit == markers.stop()).orElse(digit == 'C' || digit == '#');
        if (stop && dtmf.length() > 1) {
            String text = dtmf.toString();
            dtmf.setLength(0);
            try {
                listener.callerId(DtmfCallerId.decode(text));
            } catch (MalformedMessageException e) {
                listener.rejected(e.getMessage());
            }
        } else if (stop || dtmf.length() > MAX_DTMF) {
            dtmf.setLength(0);
        }
    }

    /** Forgets anything half received (hook switch or ring state changed). */
    public void reset() {
        dtmf.setLength(0);
        assemblers.forEach(MessageAssembler::reset);
    }

    private void message(byte[] wire) {
        long at = samplesSeen;
        if (Arrays.equals(wire, lastMessage) && at - lastMessageAt < DUPLICATE_WINDOW_SAMPLES) {
            return;
        }
        lastMessage = wire;
        lastMessageAt = at;
        try {
            CallerIdMessage message = (wire[0] & 0xFF) == NttMessages.FIRST_OCTET
                    ? NttMessages.decode(wire) : CallerIdMessages.decode(wire);
            if (message instanceof CallerIdMessage.CallSetup setup) {
                listener.callerId(setup.callerId());
            } else if (message instanceof CallerIdMessage.MessageWaiting waiting) {
                listener.messageWaiting(waiting.waiting());
            }
        } catch (MalformedMessageException e) {
            listener.rejected(e.getMessage());
        }
    }
}
