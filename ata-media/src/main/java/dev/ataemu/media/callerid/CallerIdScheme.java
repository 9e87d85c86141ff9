package dev.ataemu.media.callerid;

import dev.ataemu.media.fsk.FskStandard;
import java.util.Optional;

/**
 * Grandstream's caller ID schemes, P853 (port 1) / P863 (port 2 or the HT813's FXO port), with what
 * each puts on the line. Codes 3 and 7 follow the HT8xx labels ("LR+DTAS"), which is also how ETSI
 * EN 300 659-1 pairs line reversal with a tone alert; the HT502's page calls them just "LR".
 */
public enum CallerIdScheme {
    BELLCORE(0, Modulation.BELL_202, Placement.AFTER_FIRST_RING, Alerting.NONE, DtmfMarkers.ETSI),
    ETSI_FSK_DURING_RINGING(1, Modulation.V23, Placement.AFTER_FIRST_RING, Alerting.NONE, DtmfMarkers.ETSI),
    ETSI_FSK_PRIOR_TO_RINGING_DT_AS(2, Modulation.V23, Placement.BEFORE_FIRST_RING, Alerting.DT_AS, DtmfMarkers.ETSI),
    ETSI_FSK_PRIOR_TO_RINGING_LR(3, Modulation.V23, Placement.BEFORE_FIRST_RING, Alerting.LINE_REVERSAL_DT_AS,
            DtmfMarkers.ETSI),
    ETSI_FSK_PRIOR_TO_RINGING_RP(4, Modulation.V23, Placement.BEFORE_FIRST_RING, Alerting.RP_AS, DtmfMarkers.ETSI),
    ETSI_DTMF_DURING_RINGING(5, Modulation.DTMF, Placement.AFTER_FIRST_RING, Alerting.NONE, DtmfMarkers.ETSI),
    ETSI_DTMF_PRIOR_TO_RINGING_DT_AS(6, Modulation.DTMF, Placement.BEFORE_FIRST_RING, Alerting.DT_AS,
            DtmfMarkers.ETSI),
    ETSI_DTMF_PRIOR_TO_RINGING_LR(7, Modulation.DTMF, Placement.BEFORE_FIRST_RING, Alerting.LINE_REVERSAL_DT_AS,
            DtmfMarkers.ETSI),
    ETSI_DTMF_PRIOR_TO_RINGING_RP(8, Modulation.DTMF, Placement.BEFORE_FIRST_RING, Alerting.RP_AS, DtmfMarkers.ETSI),
    SIN_227_BT(9, Modulation.V23, Placement.BEFORE_FIRST_RING, Alerting.LINE_REVERSAL_DT_AS, DtmfMarkers.ETSI),
    NTT_JAPAN(10, Modulation.V23, Placement.AFTER_PRIMARY_RESPONSE, Alerting.NONE, DtmfMarkers.ETSI),
    DTMF_DENMARK(11, Modulation.DTMF, Placement.BEFORE_FIRST_RING, Alerting.NONE, DtmfMarkers.HASH_TERMINATED),
    DTMF_DENMARK_LR(12, Modulation.DTMF, Placement.BEFORE_FIRST_RING, Alerting.LINE_REVERSAL,
            DtmfMarkers.HASH_TERMINATED),
    DTMF_SWEDEN_FINLAND_LR(13, Modulation.DTMF, Placement.BEFORE_FIRST_RING, Alerting.LINE_REVERSAL,
            DtmfMarkers.ETSI),
    DTMF_BRAZIL(14, Modulation.DTMF, Placement.AFTER_FIRST_RING, Alerting.NONE, DtmfMarkers.ETSI),
    DTMF_FSK_BRAZIL(15, Modulation.DTMF_AND_V23, Placement.AFTER_FIRST_RING, Alerting.NONE, DtmfMarkers.ETSI);

    /** How the data is carried. */
    public enum Modulation {
        BELL_202, V23, DTMF,
        /** The DTMF string, then the same caller ID again in V.23 FSK, so either kind of phone shows it. */
        DTMF_AND_V23;

        public Optional<FskStandard> fsk() {
            return switch (this) {
                case BELL_202 -> Optional.of(FskStandard.BELL_202);
                case V23, DTMF_AND_V23 -> Optional.of(FskStandard.V23);
                case DTMF -> Optional.empty();
            };
        }

        public boolean dtmf() {
            return this == DTMF || this == DTMF_AND_V23;
        }
    }

    /** What wakes the phone before data that is not announced by the first ring. */
    public enum Alerting {
        NONE,
        /** Dual-tone alerting signal, 2130 + 2750 Hz. */
        DT_AS,
        LINE_REVERSAL,
        LINE_REVERSAL_DT_AS,
        /** A short ring pulse. */
        RP_AS
    }

    private final int code;
    private final Modulation modulation;
    private final Placement placement;
    private final Alerting alerting;
    private final DtmfMarkers dtmfMarkers;

    CallerIdScheme(int code, Modulation modulation, Placement placement, Alerting alerting, DtmfMarkers dtmfMarkers) {
        this.code = code;
        this.modulation = modulation;
        this.placement = placement;
        this.alerting = alerting;
        this.dtmfMarkers = dtmfMarkers;
    }

    public static CallerIdScheme of(int code) {
        for (CallerIdScheme scheme : values()) {
            if (scheme.code == code) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("caller ID scheme " + code + " outside 0-15");
    }

    public int code() {
        return code;
    }

    public Modulation modulation() {
        return modulation;
    }

    public Placement placement() {
        return placement;
    }

    public Alerting alerting() {
        return alerting;
    }

    /** The scheme's own start and stop digits for DTMF caller ID (P4661/P4662 may override them). */
    public DtmfMarkers dtmfMarkers() {
        return dtmfMarkers;
    }
}
