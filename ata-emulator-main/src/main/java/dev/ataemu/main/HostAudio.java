package dev.ataemu.main;

import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.LiveAudio;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * {@code --audio}: the port-1 handset's earpiece plays on the host's speakers and the host's
 * microphone feeds its mouthpiece, through javax.sound. Without a sound device it says so and the
 * emulator runs on without host audio.
 */
final class HostAudio implements AutoCloseable {

    private static final AudioFormat LINE_FORMAT = new AudioFormat(Audio.SAMPLE_RATE, 16, 1, true, false);

    private SourceDataLine speaker;
    private TargetDataLine microphone;
    private Thread capture;

    /** Connects the handset to the host's sound devices; true when at least one could be opened. */
    boolean connect(VirtualHandset handset, PrintWriter err) {
        try {
            speaker = AudioSystem.getSourceDataLine(LINE_FORMAT);
            speaker.open(LINE_FORMAT, Audio.FRAME_SAMPLES * 2 * 10);
            speaker.start();
            handset.earpiece().tap(this::play);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            speaker = null;
            err.println("ata-emulator: --audio: no sound output device (" + reason(e) + "); the earpiece stays silent");
        }
        try {
            microphone = AudioSystem.getTargetDataLine(LINE_FORMAT);
            microphone.open(LINE_FORMAT);
            microphone.start();
            LiveAudio live = new LiveAudio();
            handset.speak(live);
            capture = new Thread(() -> captureInto(live), "host-microphone");
            capture.setDaemon(true);
            capture.start();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            microphone = null;
            err.println("ata-emulator: --audio: no sound input device (" + reason(e) + "); the mouthpiece stays silent");
        }
        return speaker != null || microphone != null;
    }

    private void play(short[] frame) {
        ByteBuffer bytes = ByteBuffer.allocate(frame.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : frame) {
            bytes.putShort(sample);
        }
        // Never block the device's thread on the sound card: drop what does not fit.
        int room = speaker.available();
        speaker.write(bytes.array(), 0, Math.min(room - room % 2, bytes.capacity()));
    }

    private void captureInto(LiveAudio live) {
        byte[] bytes = new byte[Audio.FRAME_SAMPLES * 2];
        short[] samples = new short[Audio.FRAME_SAMPLES];
        while (microphone != null && microphone.isOpen()) {
            int read = microphone.read(bytes, 0, bytes.length);
            ByteBuffer.wrap(bytes, 0, read).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples, 0, read / 2);
            live.write(samples, read / 2);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        if (speaker != null) {
            speaker.close();
        }
        TargetDataLine open = microphone;
        microphone = null;
        if (open != null) {
            open.close();
        }
    }
}
