package dev.ataemu.core.media;

import java.util.List;

/** Where each port's media settings live in the P-value space (port 1, port 2 / FXO). */
public record MediaParameters(
        List<Integer> vocoderChoices,
        int framesPerTx,
        int rtpBasePort,
        int randomPort,
        int randomRtpPort,
        int symmetricRtp,
        int rtcp,
        int dtmfPayloadType,
        int jitterBufferType,
        int jitterBufferLength,
        int srtpMode,
        int cryptoLifetime,
        int vad,
        int eventsCount,
        int endEventsCount,
        int continuousEvents,
        int ilbcPayloadType,
        int ilbcFrameSize,
        int opusPayloadType,
        List<Integer> dtmfMethods,
        int sendFlashEvent,
        int rfc2543Hold,
        int faxMode,
        int faxToneDetection,
        int faxReInvite) {

    public static final MediaParameters PORT1 = new MediaParameters(List.of(57, 58, 59, 60, 61, 62, 46, 98),
            37, 39, 78, 20505, 291, 2392, 79, 133, 132, 183, 2363, 50, 28173, 28177, 4433, 96, 97, 2385,
            List.of(850, 851, 852), 74, 90005, 228, 894, 4416);
    public static final MediaParameters PORT2 = new MediaParameters(List.of(757, 758, 759, 760, 761, 762, 814, 815),
            737, 739, 778, 20506, 460, 2492, 779, 831, 832, 443, 2463, 750, 28174, 28178, 4434, 704, 705, 2485,
            List.of(860, 861, 862), 774, 90105, 710, 895, 4417);

    public static MediaParameters of(int port) {
        return switch (port) {
            case 1 -> PORT1;
            case 2 -> PORT2;
            default -> throw new IllegalArgumentException("no port " + port);
        };
    }
}
