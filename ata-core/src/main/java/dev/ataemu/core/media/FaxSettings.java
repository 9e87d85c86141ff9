package dev.ataemu.core.media;

import dev.ataemu.core.config.ParameterStore;

/**
 * How a port's calls take a fax (CALL-39, CALL-40, MEDIA-19): by T.38 relay or as G.711 audio,
 * which side of a call switches when a fax tone is heard, and whether it says so by re-INVITE.
 *
 * @param mode      "FAX Mode" (P228 / P710)
 * @param detection "Fax Tone Detection Mode" (HT502 P894 / P895; the HT813 has none: the callee)
 * @param reInvite  "Re-INVITE After Fax Tone Detected" (HT813 P4416 / P4417; the HT502 always does)
 */
public record FaxSettings(Mode mode, Detection detection, boolean reInvite) {

    public enum Mode {
        T38,
        PASS_THROUGH
    }

    /** Which side of a call switches it to fax. */
    public enum Detection {
        CALLEE,
        CALLER,
        EITHER;

        /** Whether this port switches a call it {@code placed} (or answered, when false). */
        public boolean switches(boolean placed) {
            return this == EITHER || (this == CALLER) == placed;
        }
    }

    public static FaxSettings read(ParameterStore store, int port) {
        MediaParameters parameters = MediaParameters.of(port);
        int mode = store.getIntOr(parameters.faxMode(), 0);
        int detection = store.getIntOr(parameters.faxToneDetection(), 0);
        return new FaxSettings(mode == 1 ? Mode.PASS_THROUGH : Mode.T38,
                switch (detection) {
                    case 1 -> Detection.CALLER;
                    case 2 -> Detection.EITHER;
                    default -> Detection.CALLEE;
                },
                store.getIntOr(parameters.faxReInvite(), 1) == 1);
    }
}
